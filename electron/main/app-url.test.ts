import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, isWebLink } from './app-url.js';

describe('isAppUrl', () => {
  it.each([APP_ENTRY_URL, 'app://paydown/', 'app://paydown/assets/app.js?v=1', 'app://paydown/index.html#/items'])(
    'accepts our own page %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it.each([
    'app://paydown.evil/',
    'app://evil.paydown/',
    'app://paydown@evil/',
    'app://user:pw@paydown/',
    'app://paydown:8080/',
    'app://evil/?paydown',
    'https://paydown/',
    'http://paydown/index.html',
    'file:///opt/Paydown/resources/app.asar/dist/renderer/index.html',
    'javascript:alert(1)',
    'appx://paydown/',
    'app:paydown',
    'about:blank',
    'not a url',
    '',
  ])('refuses the look-alike %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('isWebLink', () => {
  it.each(['https://example.com/', 'http://localhost:3000/x'])('lets %s go to the browser', (url) => {
    expect(isWebLink(url)).toBe(true);
  });

  it.each(['file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'app://paydown/', 'vscode://x', 'nonsense'])(
    'keeps %s away from the OS',
    (url) => {
      expect(isWebLink(url)).toBe(false);
    },
  );
});
