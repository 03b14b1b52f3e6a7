import { useEffect } from 'react';
import { listenToMenu } from '../api/menu-commands.js';
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
