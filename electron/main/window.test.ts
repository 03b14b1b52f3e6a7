import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
interface NavigationEvent {
  readonly url: string;
  readonly preventDefault: () => void;
}

const fakes = vi.hoisted(() => {
  class FakeSession {
    requestHandler: ((contents: unknown, permission: string, answer: (granted: boolean) => void) => void) | undefined;
    checkHandler: ((contents: unknown, permission: string) => boolean) | undefined;
    setPermissionRequestHandler(handler: FakeSession['requestHandler']): void {
      this.requestHandler = handler;
    }
    setPermissionCheckHandler(handler: FakeSession['checkHandler']): void {
      this.checkHandler = handler;
    }
  }
  class FakeContents {
    readonly session = new FakeSession();
    readonly listeners = new Map<string, Listener>();
    windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    on(event: string, listener: Listener): this {
      this.listeners.set(event, listener);
      return this;
    }
    setWindowOpenHandler(handler: FakeContents['windowOpenHandler']): void {
      this.windowOpenHandler = handler;
    }
  }
  class FakeBrowserWindow {
    static readonly created: FakeBrowserWindow[] = [];
    readonly webContents = new FakeContents();
    readonly onceListeners = new Map<string, Listener>();
    readonly show = vi.fn<() => void>();
    constructor(readonly options: unknown) {
      FakeBrowserWindow.created.push(this);
    }
    once(event: string, listener: Listener): this {
      this.onceListeners.set(event, listener);
      return this;
    }
  }
  return { FakeBrowserWindow };
});

vi.mock('electron', () => ({ BrowserWindow: fakes.FakeBrowserWindow }));

const { createMainWindow, mainWindowOptions } = await import('./window.js');

const LOOK_ALIKES = [
  'app://paydown.evil/',
  'app://paydown@evil/',
  'app://paydown:8080/index.html',
  'https://paydown/',
  'http://paydown/index.html',
  'file:///opt/Paydown/resources/app.asar/dist/renderer/index.html',
  'javascript:alert(1)',
];

let openExternal: ReturnType<typeof vi.fn<(url: string) => Promise<void>>>;

function newWindow() {
  openExternal = vi.fn<(url: string) => Promise<void>>(() => Promise.resolve());
  createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs', openExternal });
  const window = fakes.FakeBrowserWindow.created.at(-1);
  if (window === undefined) throw new Error('createMainWindow made no BrowserWindow');
  return window;
}

function listener(window: InstanceType<typeof fakes.FakeBrowserWindow>, event: string): Listener {
  const found = window.webContents.listeners.get(event);
  if (found === undefined) throw new Error(`no ${event} listener`);
  return found;
}

function navigation(url: string) {
  return { url, preventDefault: vi.fn<() => void>() } satisfies NavigationEvent;
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the renderer and stays hidden until ready', () => {
    const options = mainWindowOptions('/app/dist/electron/preload.cjs');
    expect(options.show).toBe(false);
    expect(options.webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });
});

describe('createMainWindow', () => {
  it('builds the window from those options and shows it on ready-to-show', () => {
    const window = newWindow();
    expect(window.options).toEqual(mainWindowOptions('/app/dist/electron/preload.cjs'));
    expect(window.show).not.toHaveBeenCalled();
    window.onceListeners.get('ready-to-show')?.();
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('denies every new window and hands only web links to the browser', () => {
    const window = newWindow();
    const open = window.webContents.windowOpenHandler;
    if (open === undefined) throw new Error('no window-open handler');
    for (const url of ['app://paydown/index.html', ...LOOK_ALIKES, 'https://example.com/docs']) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://paydown/',
      'http://paydown/index.html',
      'https://example.com/docs',
    ]);
  });

  it.each(['will-navigate', 'will-redirect'])('%s stays on app pages', (eventName) => {
    const window = newWindow();
    const handler = listener(window, eventName);
    const own = navigation('app://paydown/index.html#/items');
    handler(own);
    expect(own.preventDefault).not.toHaveBeenCalled();
    for (const url of LOOK_ALIKES) {
      const event = navigation(url);
      handler(event);
      expect(event.preventDefault, url).toHaveBeenCalledOnce();
    }
  });

  it('opens a clicked web link in the browser but never follows a redirect there', () => {
    const window = newWindow();
    listener(window, 'will-navigate')(navigation('https://example.com/'));
    listener(window, 'will-redirect')(navigation('https://example.org/'));
    expect(openExternal.mock.calls).toEqual([['https://example.com/']]);
  });

  it('refuses to attach a <webview>', () => {
    const window = newWindow();
    const event = navigation('app://paydown/index.html');
    listener(window, 'will-attach-webview')(event, {}, { src: 'https://example.com/' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('denies every permission request and check', () => {
    const { session } = newWindow().webContents;
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      session.requestHandler?.({}, permission, (granted) => answers.push(granted));
      expect(session.checkHandler?.({}, permission)).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false]);
  });
});
