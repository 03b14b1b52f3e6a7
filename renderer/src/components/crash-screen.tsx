import { Component, type ErrorInfo, type ReactNode } from 'react';

interface CrashState {
  error: Error | null;
}

/** A bug while rendering must leave the user a message and a way out, not a blank window. */
export class CrashScreen extends Component<{ children: ReactNode }, CrashState> {
  override state: CrashState = { error: null };

  static getDerivedStateFromError(error: unknown): CrashState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Paydown stopped rendering:', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <main className="startup startup-failed">
        <p className="startup-brand">Paydown</p>
        <div role="alert">
          <h1>Something went wrong in this window</h1>
          <p className="startup-message">{error.message}</p>
          <p>Your saved items are safe. Reload the window to continue; unsaved edits in an open dialog are lost.</p>
        </div>
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            window.location.reload();
          }}
        >
          Reload
        </button>
      </main>
    );
  }
}
