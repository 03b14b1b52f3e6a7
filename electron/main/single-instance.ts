/** The parts of Electron's `app` the single-instance lock uses. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
}

/**
 * Paydown runs once per user: a second launch (another click on the icon, a double-clicked .paydown
 * file) hands its command line to the running app and quits. Returns false in that second launch.
 */
export function claimSingleInstance(
  app: SingleInstanceApp,
  onSecondInstance: (argv: readonly string[], workingDirectory: string) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv, workingDirectory) => {
    onSecondInstance(argv, workingDirectory);
  });
  return true;
}
