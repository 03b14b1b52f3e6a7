import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../handlers/dispatch.js';
import { openStore } from '../store/open-store.js';
import type { CliEnv } from './cli-env.js';
import { listAllItems } from './items-list.js';
import { runCli } from './run-cli.js';

interface Captured {
  stdout: string;
  stderr: string;
}

let dir: string;
let db: string;

function capture(extra: Partial<CliEnv> = {}): { env: CliEnv; out: Captured } {
  const out: Captured = { stdout: '', stderr: '' };
  const env: CliEnv = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    env: { HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config') },
    cwd: dir,
    ...extra,
  };
  return { env, out };
}

async function run(argv: string[], extra: Partial<CliEnv> = {}): Promise<Captured & { code: number }> {
  const { env, out } = capture(extra);
  const code = await runCli(argv, env);
  return { code, ...out };
}

const VALID: Readonly<Record<string, string>> = { title: 'Flaky checkout tests', likelihood: '4', impact: '3', effort: '2,3,8', interest: '1.5' };

/** `items add` with valid required options; an override of `null` leaves that option out. */
function add(overrides: Record<string, string | null> = {}, ...extra: string[]): string[] {
  const options = Object.entries({ ...VALID, ...overrides }).flatMap(([name, value]) => (value === null ? [] : [`--${name}`, value]));
  return ['items', 'add', ...options, ...extra];
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'paydown-cli-'));
  db = path.join(dir, 'portfolio.paydown');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('paydown help', () => {
  it.each([[[]], [['--help']], [['help']], [['-h']], [['items', 'add', '--help']]])('prints usage for %j', async (argv) => {
    const res = await run(argv);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('');
    for (const text of ['items list', 'items add', 'serve', '--db', '--json', '--title', '--likelihood', '--impact', '--effort', '--interest', '--kind', '--owner', '--area', '--status', '--due', '--tag', '--description', '--port']) {
      expect(res.stdout).toContain(text);
    }
  });
});

describe('paydown items', () => {
  it('adds an item and lists it back as JSON exactly as the API returned it', async () => {
    const added = await run([...add({ db }), '--tag', 'payments', '--tag', 'ci', '--owner', 'Ana', '--due', '2030-01-31', '--json']);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const item: unknown = JSON.parse(added.stdout);
    expect(item).toMatchObject({
      title: 'Flaky checkout tests',
      likelihood: 4,
      impact: 3,
      effort: { low: 2, likely: 3, high: 8 },
      interest: 1.5,
      tags: ['payments', 'ci'],
      owner: 'Ana',
      dueDate: '2030-01-31',
    });

    const listed = await run(['items', 'list', '--db', db, '--json']);
    expect(listed.code).toBe(0);
    const [only] = JSON.parse(listed.stdout) as Record<string, unknown>[];
    const { scores, ...rest } = only ?? {};
    expect(rest).toEqual(item);
    // 4×3 risk; PERT (2 + 4·3 + 8) / 6 = 11/3; carrying 1.5 × 12 = 18.
    expect(scores).toMatchObject({ risk: 12, riskBand: 'High', expectedEffort: 11 / 3, roi: 18 / (11 / 3), roiLow: 18 / 8, roiHigh: 9, breakingPoint: 11 / 3 / 1.5 });
    expect(scores).toHaveProperty('priority');
  });

  it('explains an item: the worked example from the scoring rules', async () => {
    const added = await run(add({ db, likelihood: '3', impact: '4', effort: '2,3,10', interest: '1' }));
    const id = added.stdout.trim();
    const text = await run(['items', 'explain', id, '--db', db]);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Risk 12 (High) = likelihood 3 × impact 4');
    expect(text.stdout).toContain('Expected effort 4 points');
    expect(text.stdout).toContain('ROI 3 (range 1.20–6)');
    expect(text.stdout).toContain('Breaking point: 4 sprints');
    expect(text.stdout).toContain('Priority rank 1 of 1');
    expect(text.stdout).toMatch(/Risk\s+12 of 25: 0\.48 × weight 1 = 0\.48/);
    const json = await run(['items', 'explain', id, '--db', db, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ rank: 1, of: 1, scores: { risk: 12, roi: 3, breakingPoint: 4, expectedEffort: 4 } });
  });

  it('says when a "free" effort is really an estimate nobody has made yet', async () => {
    const unknown = (await run([...add({ db, effort: '0', title: 'Imported without an estimate' }), '--tag', 'effort-unknown'])).stdout.trim();
    const free = (await run(add({ db, effort: '0', title: 'Really free' }))).stdout.trim();
    const explained = await run(['items', 'explain', unknown, '--db', db]);
    expect(explained.stdout).toContain('Effort not estimated yet (imported without one, tagged “effort-unknown”)');
    expect((await run(['items', 'explain', free, '--db', db])).stdout).not.toContain('not estimated');
    const table = (await run(['items', 'list', '--db', db])).stdout;
    expect(table).toMatch(/Imported without an estimate .*not estimated/);
    expect(table).not.toMatch(/Really free .*not estimated/);
  });

  it('refuses to explain a missing or malformed id', async () => {
    await run(add({ db }));
    const missing = await run(['items', 'explain', '00000000-0000-4000-8000-000000000000', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No debt item has the id');
    const malformed = await run(['items', 'explain', 'PAY-12', '--db', db]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('ID');
    expect((await run(['items', 'explain', '--db', db])).code).toBe(2);
  });

  it('prints the new id, and a table with a count line', async () => {
    const added = await run(add({ db, effort: '5' }));
    expect(added.code).toBe(0);
    expect(added.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);

    const table = await run(['items', 'list', '--db', db]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Flaky checkout tests');
    expect(table.stdout).toContain('12 (4×3)');
    expect(table.stdout).toMatch(/^1 item in /m);
  });

  it('uses PAYDOWN_DB, relative to cwd, when --db is absent', async () => {
    const added = await run(add(), { env: { HOME: dir, PAYDOWN_DB: 'from-env.paydown' } });
    expect(added.code).toBe(0);
    expect(existsSync(path.join(dir, 'from-env.paydown'))).toBe(true);
  });

  it('pages through more items than one page holds', async () => {
    for (let i = 0; i < 5; i += 1) expect((await run(add({ db, title: `Item ${String(i)}` }))).code).toBe(0);
    const store = openStore(db);
    try {
      const items = listAllItems(createContext(store), 2);
      expect(items).toHaveLength(5);
      expect(new Set(items.map((item) => JSON.stringify(item))).size).toBe(5);
    } finally {
      store.close();
    }
  });
});

describe('paydown with bad arguments', () => {
  it.each([
    [{ likelihood: '7' }, [], '--likelihood'],
    [{ effort: '5,3,1' }, [], '--effort'],
    [{ effort: '1,2' }, [], '--effort'],
    [{ impact: '3x' }, [], '--impact'],
    [{ impact: '' }, [], '--impact'],
    [{ interest: 'NaN' }, [], '--interest'],
    [{ interest: '-1' }, [], '--interest'],
    [{ kind: 'vibes' }, [], '--kind'],
    [{ due: 'tomorrow' }, [], '--due'],
    [{ status: 'accepted' }, [], '--rationale'],
    [{ title: null }, [], '--title'],
    [{}, ['--colour', 'red'], '--colour'],
    [{}, ['--json=yes'], '--json'],
    [{}, ['--title', 'again'], '--title'],
    [{}, ['extra'], 'extra'],
  ])('refuses %j %j with exit 2 and writes nothing', async (overrides, extra, named) => {
    const res = await run(add({ db, ...overrides }, ...extra));
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain(named);
    expect(res.stderr).toContain('Run "paydown --help" for usage.');
    expect(existsSync(db)).toBe(false);
  });

  it('leaves an existing portfolio unchanged', async () => {
    expect((await run(add({ db }))).code).toBe(0);
    expect((await run(add({ db, likelihood: '7' }))).code).toBe(2);
    expect((await run(add({ db, effort: '5,3,1' }))).code).toBe(2);
    const listed = await run(['items', 'list', '--db', db, '--json']);
    expect(JSON.parse(listed.stdout)).toHaveLength(1);
  });

  it.each([[['frobnicate']], [['items']], [['items', 'remove']], [['serve', '--port', '70000']], [['items', 'list', '--title', 'x']]])(
    'refuses %j with exit 2',
    async (argv) => {
      const res = await run(argv);
      expect(res.code).toBe(2);
      expect(res.stdout).toBe('');
      expect(res.stderr).toContain('paydown --help');
    },
  );

  it('reports an unusable portfolio file with exit 1', async () => {
    await writeFile(db, 'Just some notes, not a portfolio. '.repeat(200));
    const res = await run(['items', 'list', '--db', db]);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).not.toBe('');
  });
});

describe('paydown serve', () => {
  it('prints the preview URL, serves the renderer and stops on abort', async () => {
    const rendererDir = path.join(dir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Paydown</title>');
    const stop = new AbortController();
    const { env, out } = capture({ rendererDir, signal: stop.signal });
    let announce: (url: string) => void = () => undefined;
    const served = new Promise<string>((resolve) => {
      announce = resolve;
    });
    const stopped = runCli(['serve', '--db', db, '--port', '0'], { ...env, onServing: ({ url }) => { announce(url); } });
    // If serve fails to start, the race yields its exit code and stderr, which the URL check then shows.
    const url = await Promise.race([served, stopped.then((code) => `serve exited with ${String(code)}: ${out.stderr}`)]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{43}$/);
    expect(out.stdout).toContain(`Paydown preview: ${url}\n`);
    expect(out.stdout).toContain(db);

    const page = await fetch(new URL('/', url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Paydown</title>');

    stop.abort();
    expect(await stopped).toBe(0);
    await expect(fetch(new URL('/', url))).rejects.toThrow();
  });
});
