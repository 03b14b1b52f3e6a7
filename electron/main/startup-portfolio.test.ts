import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { OpenOutcome } from './portfolio-session.js';
import {
  openFirstPortfolio,
  requestFromArgv,
  startupRequest,
  withPortfolioExtension,
  type StartupChoice,
} from './startup-portfolio.js';

const cwd = '/home/me/work';
const userData = '/home/me/.config/Paydown';

describe('requestFromArgv', () => {
  it.each<[string, string[], ReturnType<typeof requestFromArgv>]>([
    ['--db FILE', ['paydown', '--db', 'team.paydown'], { file: '/home/me/work/team.paydown', mode: 'create-if-missing' }],
    ['--db=FILE', ['paydown', '--db=/tmp/x.db'], { file: '/tmp/x.db', mode: 'create-if-missing' }],
    ['a double-clicked file', ['paydown', '/home/me/q3.paydown'], { file: '/home/me/q3.paydown', mode: 'must-exist' }],
    ['development argv', ['electron', 'dist/electron/main.mjs', 'Q3.PAYDOWN'], { file: '/home/me/work/Q3.PAYDOWN', mode: 'must-exist' }],
    ['Chromium switches only', ['paydown', '--allow-file-access-from-files', '--original-process-start-time=1'], undefined],
    ['--db without a file', ['paydown', '--db'], undefined],
    ['--db followed by a switch', ['paydown', '--db', '--inspect'], undefined],
    ['nothing', ['paydown'], undefined],
  ])('%s', (_label, argv, expected) => {
    expect(requestFromArgv(argv, cwd)).toEqual(expected);
  });

  it('never treats the executable itself as a portfolio', () => {
    expect(requestFromArgv(['/opt/thing.paydown'], cwd)).toBeUndefined();
  });
});

describe('startupRequest', () => {
  it('prefers --db over PAYDOWN_DB', () => {
    const request = startupRequest({ argv: ['p', '--db', 'a.paydown'], env: { PAYDOWN_DB: '/b.paydown' }, cwd, userData });
    expect(request.file).toBe(path.resolve(cwd, 'a.paydown'));
  });

  it('uses PAYDOWN_DB when there is no --db', () => {
    expect(startupRequest({ argv: ['p'], env: { PAYDOWN_DB: 'b.paydown' }, cwd, userData })).toEqual({
      file: path.resolve(cwd, 'b.paydown'),
      mode: 'create-if-missing',
    });
  });

  it('falls back to portfolio.paydown in userData, created on first run', () => {
    expect(startupRequest({ argv: ['p'], env: { PAYDOWN_DB: '' }, cwd, userData })).toEqual({
      file: path.join(userData, 'portfolio.paydown'),
      mode: 'create-if-missing',
    });
  });
});

describe('openFirstPortfolio', () => {
  const failure: OpenOutcome = { ok: false, code: 'not-sqlite', message: 'not a database' };

  it('opens the requested file without asking anything', async () => {
    const open = vi.fn<(file: string) => OpenOutcome>((file) => ({ ok: true, path: file }));
    const recover = vi.fn<(message: string) => Promise<StartupChoice>>();
    await expect(openFirstPortfolio({ open }, { file: '/a.paydown', mode: 'create-if-missing' }, recover)).resolves.toBe(true);
    expect(recover).not.toHaveBeenCalled();
  });

  it('asks again after each failure and opens what the user picks', async () => {
    const open = vi
      .fn<(file: string, mode: string) => OpenOutcome>()
      .mockReturnValueOnce(failure)
      .mockReturnValueOnce(failure)
      .mockImplementation((file) => ({ ok: true, path: file }));
    const recover = vi
      .fn<(message: string) => Promise<StartupChoice>>()
      .mockResolvedValueOnce({ kind: 'open', file: '/other.paydown' })
      .mockResolvedValueOnce({ kind: 'new', file: '/new.paydown' });
    await expect(openFirstPortfolio({ open }, { file: '/bad.paydown', mode: 'create-if-missing' }, recover)).resolves.toBe(true);
    expect(recover).toHaveBeenCalledWith('not a database');
    expect(open.mock.calls).toEqual([
      ['/bad.paydown', 'create-if-missing'],
      ['/other.paydown', 'must-exist'],
      ['/new.paydown', 'must-be-new'],
    ]);
  });

  it('reports false when the user chooses to quit', async () => {
    const open = vi.fn<(file: string) => OpenOutcome>(() => failure);
    const recover = vi.fn<(message: string) => Promise<StartupChoice>>(() => Promise.resolve({ kind: 'quit' }));
    await expect(openFirstPortfolio({ open }, { file: '/bad.paydown', mode: 'must-exist' }, recover)).resolves.toBe(false);
  });
});

describe('withPortfolioExtension', () => {
  it('adds .paydown only when missing', () => {
    expect(withPortfolioExtension('/p/team')).toBe('/p/team.paydown');
    expect(withPortfolioExtension('/p/team.paydown')).toBe('/p/team.paydown');
    expect(withPortfolioExtension('/p/TEAM.PAYDOWN')).toBe('/p/TEAM.PAYDOWN');
  });
});
