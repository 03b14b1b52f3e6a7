import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store/use-app.js';
import { Dialog } from './dialog.js';
import { ItemForm } from './item-form.js';

const NO_OWNERS: readonly string[] = [];

export function ItemEditorDialog() {
  const { editor, closeEditor, unit, owners } = useApp(
    useShallow((s) => ({
      editor: s.editor,
      closeEditor: s.closeEditor,
      unit: s.portfolio?.unit ?? 'points',
      owners: s.portfolio?.owners ?? NO_OWNERS,
    })),
  );
  if (editor === null) return null;
  const item = editor.mode === 'edit' ? editor.item : null;
  return (
    <Dialog title={item === null ? 'New debt item' : 'Edit debt item'} onClose={closeEditor} size="wide">
      <ItemForm
        key={item === null ? 'new' : `${item.id}@${String(item.version)}`}
        item={item}
        unit={unit}
        owners={owners}
        onCancel={closeEditor}
      />
    </Dialog>
  );
}
