import { useShallow } from 'zustand/react/shallow';
import type { MainView } from '../store/matrix-slice.js';
import { useApp } from '../store/use-app.js';

const VIEWS: readonly { view: MainView; label: string }[] = [
  { view: 'table', label: 'Table' },
  { view: 'matrix', label: 'Matrix' },
  { view: 'plan', label: 'Plan' },
  { view: 'forecast', label: 'Forecast' },
  { view: 'scenarios', label: 'Scenarios' },
];

/** Table or priority matrix (two views of the same filtered items), or the sprint plan, forecast and scenarios. */
export function ViewSwitch() {
  const { view, setView } = useApp(useShallow((s) => ({ view: s.view, setView: s.setView })));
  return (
    <div className="view-switch" role="group" aria-label="View">
      {VIEWS.map((v) => (
        <button
          key={v.view}
          type="button"
          className={view === v.view ? 'button button-small view-switch-current' : 'button button-small'}
          aria-pressed={view === v.view}
          onClick={() => {
            setView(v.view);
          }}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
