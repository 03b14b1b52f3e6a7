import { useEffect } from 'react';
import { listenToMenu } from '../api/menu-commands.js';
import { idleTask } from '../matrix/time-slices.js';
import { useApp } from '../store/use-app.js';
import { AppHeader } from './app-header.js';
import { DeleteItemDialog } from './delete-item-dialog.js';
import { ImportDialog } from './import-dialog.js';
import { ImportDropZone } from './import-drop-zone.js';
import { ItemEditorDialog } from './item-editor-dialog.js';
import { ItemsView } from './items-view.js';
import { NoticeArea } from './notice-area.js';
import { SettingsDialog } from './settings-dialog.js';

export function Workspace() {
  const dialogOpen = useApp((s) => s.editor !== null || s.deleteTarget !== null || s.settingsOpen || s.importOpen);
  const openImport = useApp((s) => s.openImport);
  useEffect(() => listenToMenu(window.paydownMenu, { import: openImport }), [openImport]);
  // The matrix is what a planning meeting opens next: once the first page of the table is shown and the page
  // is idle, its items are read and scored in the background, so the matrix view draws as soon as it opens.
  const loaded = useApp((s) => s.loaded);
  const prefetchMatrix = useApp((s) => s.prefetchMatrix);
  useEffect(() => {
    if (loaded) {
      idleTask(() => {
        void prefetchMatrix();
      });
    }
  }, [loaded, prefetchMatrix]);
  return (
    <div className="app">
      {/* While a dialog is open the page behind it is inert: no focus, no clicks, hidden from screen readers. */}
      <div className="workspace" inert={dialogOpen}>
        <AppHeader />
        <main className="content">
          <ItemsView />
        </main>
      </div>
      <ItemEditorDialog />
      <DeleteItemDialog />
      <SettingsDialog />
      <ImportDialog />
      <ImportDropZone />
      <NoticeArea />
    </div>
  );
}
