import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store/use-app.js';
import { formatCount } from './display-format.js';

export function AppHeader() {
  const { name, path, itemCount, openCount, openNewItem, openSettings, openImport } = useApp(
    useShallow((s) => ({
      name: s.portfolio?.name ?? '',
      path: s.portfolio?.path ?? '',
      itemCount: s.portfolio?.itemCount ?? 0,
      openCount: s.portfolio?.openCount ?? 0,
      openNewItem: s.openNewItem,
      openSettings: s.openSettings,
      openImport: s.openImport,
    })),
  );

  useEffect(() => {
    document.title = name === '' ? 'Paydown' : `${name} · Paydown`;
  }, [name]);

  return (
    <header className="app-header">
      <div className="app-identity">
        <p className="app-brand">Paydown</p>
        <h1 className="app-name">{name}</h1>
        <p className="app-path" title={path}>
          <span className="visually-hidden">Portfolio file: </span>
          {path}
        </p>
      </div>
      <p className="app-counts">
        <strong>{formatCount(openCount)}</strong> open of {formatCount(itemCount)} items
      </p>
      <div className="app-actions">
        <button type="button" className="button button-primary" onClick={openNewItem}>
          New item
        </button>
        <button type="button" className="button" onClick={openImport}>
          Import…
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            void openSettings();
          }}
        >
          Settings
        </button>
      </div>
    </header>
  );
}
