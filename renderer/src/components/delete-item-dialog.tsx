import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DebtItem } from '../../../shared/domain/debt-item.js';
import { useApp } from '../store/use-app.js';
import { Dialog } from './dialog.js';

function ConfirmDelete({ item }: { item: DebtItem }) {
  const { deleteItem, cancelDelete } = useApp(useShallow((s) => ({ deleteItem: s.deleteItem, cancelDelete: s.cancelDelete })));
  const [deleting, setDeleting] = useState(false);
  const confirm = async () => {
    setDeleting(true);
    // The store closes this dialog whatever the answer and reports failures as notices.
    await deleteItem(item);
  };
  return (
    <Dialog title="Delete debt item" onClose={cancelDelete}>
      <p className="dialog-text">Delete “{item.title}”? This cannot be undone from this screen.</p>
      <div className="dialog-actions">
        {/* Cancel is focused first: Enter on an unexpected dialog should not delete anything. */}
        <button type="button" className="button" data-autofocus onClick={cancelDelete}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={deleting}
          onClick={() => {
            void confirm();
          }}
        >
          Delete
        </button>
      </div>
    </Dialog>
  );
}

export function DeleteItemDialog() {
  const target = useApp((s) => s.deleteTarget);
  return target === null ? null : <ConfirmDelete key={target.id} item={target} />;
}
