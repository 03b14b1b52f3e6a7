import { useApp } from '../store/use-app.js';
import { StartupError, StartupLoading } from './startup-screens.js';
import { Workspace } from './workspace.js';

export function App() {
  const startup = useApp((s) => s.startup);
  switch (startup.phase) {
    case 'starting':
      return <StartupLoading />;
    case 'failed':
      return <StartupError message={startup.message} />;
    case 'ready':
      return <Workspace />;
  }
}
