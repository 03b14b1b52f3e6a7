// Must stay the first import: it configures zod before any schema parses.
import '../../shared/csp-safe-zod.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getBridge } from './api/bridge.js';
import { App } from './components/app.js';
import { CrashScreen } from './components/crash-screen.js';
import { createAppStore } from './store/app-store.js';
import { AppStoreContext } from './store/use-app.js';
import './styles/index.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');

const store = createAppStore(getBridge());
// Started here rather than in an effect, so StrictMode's double effects cannot open the portfolio twice.
void store.getState().start();

createRoot(container).render(
  <StrictMode>
    <CrashScreen>
      <AppStoreContext value={store}>
        <App />
      </AppStoreContext>
    </CrashScreen>
  </StrictMode>,
);
