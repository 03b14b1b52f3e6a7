import { useApp } from '../store/use-app.js';

export function StartupLoading() {
  return (
    <main className="startup">
      <p className="startup-brand">Paydown</p>
      <p role="status">Opening your portfolio…</p>
    </main>
  );
}

export function StartupError({ message }: { message: string }) {
  const start = useApp((s) => s.start);
  return (
    <main className="startup startup-failed">
      <p className="startup-brand">Paydown</p>
      <div role="alert">
        <h1>Paydown could not open the portfolio</h1>
        <p className="startup-message">{message}</p>
      </div>
      <button
        type="button"
        className="button button-primary"
        onClick={() => {
          void start();
        }}
      >
        Try again
      </button>
    </main>
  );
}
