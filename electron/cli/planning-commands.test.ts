import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliEnv } from './cli-env.js';
import { runCli } from './run-cli.js';

let dir: string;
let db: string;

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const env: CliEnv = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    env: { HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config') },
    cwd: dir,
  };
  const code = await runCli(argv, env);
  return { code, ...out };
}

/** Runs a command that must succeed and answers its stdout. */
async function ok(argv: string[]): Promise<string> {
  const res = await run(argv);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
  return res.stdout;
}

async function addItem(title: string, effort: string, likelihood = '3'): Promise<string> {
  return (await ok(['items', 'add', '--db', db, '--title', title, '--likelihood', likelihood, '--impact', '4', '--effort', effort, '--interest', '1'])).trim();
}

const addSprint = (name: string, start: string, ...extra: string[]) => ok(['sprint', 'add', '--db', db, '--name', name, '--start', start, '--capacity', '40', ...extra]);

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'paydown-plan-cli-'));
  db = path.join(dir, 'portfolio.paydown');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('paydown sprint', () => {
  it('adds sprints and lists them in calendar order, as text and JSON', async () => {
    expect(await addSprint('S2', '2027-01-18')).toBe('Added sprint S2: 2027-01-18 to 2027-01-31, capacity 40, availability 100%, reserve 15% = 6 for debt.\n');
    await addSprint('S1', '2027-01-04', '--days', '7', '--availability', '50', '--reserve', '25', '--reason', 'Framework end of life.');
    const text = await ok(['sprint', 'list', '--db', db]);
    expect(text).toMatch(/^Name\s+Start\s+End/);
    expect(text.indexOf('S1')).toBeLessThan(text.indexOf('S2'));
    expect(text).toContain('2 sprint(s).');
    const listed = JSON.parse(await ok(['sprint', 'list', '--db', db, '--json'])) as unknown[];
    expect(listed).toMatchObject([
      { name: 'S1', lengthDays: 7, availabilityPct: 50, reservePct: 25, reserveReason: 'Framework end of life.' },
      { name: 'S2', lengthDays: 14, reservePct: 15 },
    ]);
  });

  it('says how to start when there are no sprints', async () => {
    expect(await ok(['sprint', 'list', '--db', db])).toContain('No sprints yet');
  });

  it.each([
    [['--reserve', '25'], '--reason'],
    [['--reserve', '5'], 'below the healthy band'],
    [['--reserve', '150', '--reason', 'x'], '--reserve'],
    [['--days', '3.5'], '--days'],
    [['--availability', 'most'], '--availability'],
    [['--start', '2027-02-30'], '--start'],
    [['--capacity', '-1'], '--capacity'],
    [['--colour', 'red'], '--colour'],
  ])('refuses sprint add %j with exit 2 and writes nothing', async (extra, named) => {
    const res = await run(['sprint', 'add', '--db', db, '--name', 'S1', '--start', '2027-01-04', '--capacity', '40', ...extra]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain(named);
    expect(existsSync(db)).toBe(false);
  });

  it('refuses missing options and subcommands with exit 2', async () => {
    expect((await run(['sprint', 'add', '--db', db, '--name', 'S1'])).stderr).toContain('--start, --capacity');
    expect((await run(['sprint'])).code).toBe(2);
    expect((await run(['sprint', 'remove'])).code).toBe(2);
    expect((await run(['sprint', 'close', '--db', db, '--name', 'S1', '--completed', '10'])).code).toBe(2);
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a name already taken with exit 1', async () => {
    await addSprint('S1', '2027-01-04');
    const res = await run(['sprint', 'add', '--db', db, '--name', 'S1', '--start', '2027-02-01', '--capacity', '10']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('already exists');
  });

  it('closes a sprint, marking its paid items paid', async () => {
    const a = await addItem('Flaky tests', '3');
    const b = await addItem('Old logger', '2');
    await addSprint('S1', '2027-01-04');
    const out = await ok(['sprint', 'close', '--db', db, '--name', 'S1', '--completed', '30', '--debt', '5', '--paid', `${a},${b}`]);
    expect(out).toBe('Closed sprint S1: completed 30, debt 5 (16.7% of the work); 2 item(s) marked paid.\n');
    const items = JSON.parse(await ok(['items', 'list', '--db', db, '--json'])) as { status: string }[];
    expect(items.map((i) => i.status)).toEqual(['paid', 'paid']);
    expect((await run(['sprint', 'close', '--db', db, '--name', 'S1', '--completed', '1', '--debt', '0'])).code).toBe(1);
  });

  it('refuses a bad close with nothing written', async () => {
    const a = await addItem('Flaky tests', '3');
    await addSprint('S1', '2027-01-04');
    const before = await readFile(db);
    const mtime = statSync(db).mtimeMs;
    const tooMuch = await run(['sprint', 'close', '--db', db, '--name', 'S1', '--completed', '5', '--debt', '6', '--paid', a]);
    expect(tooMuch.code).toBe(2);
    expect(tooMuch.stderr).toContain('--debt');
    expect((await run(['sprint', 'close', '--db', db, '--name', 'S1', '--completed', '5', '--debt', '1', '--paid', 'PAY-1'])).code).toBe(2);
    expect(statSync(db).mtimeMs).toBe(mtime);
    expect(await readFile(db)).toEqual(before);
    const missing = await run(['sprint', 'close', '--db', db, '--name', 'S9', '--completed', '5', '--debt', '1']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No sprint is called “S9”');
  });

  it('warns when debt got under 10% of the work two sprints running', async () => {
    await addSprint('S1', '2027-01-04');
    await addSprint('S2', '2027-01-18');
    await ok(['sprint', 'close', '--db', db, '--name', 'S1', '--completed', '30', '--debt', '1']);
    const out = await ok(['sprint', 'close', '--db', db, '--name', 'S2', '--completed', '30', '--debt', '2']);
    expect(out).toMatch(/Warning: Debt got under 10% of the completed work for 2 sprints running \(S1 3.3%, S2 6.7%\)/);
  });
});

describe('paydown plan', () => {
  it('prints each sprint with its reserve, allocation and items with reasons', async () => {
    const top = await addItem('Flaky tests', '3', '5');
    await addItem('Old logger', '4');
    await addSprint('S1', '2027-01-04');
    const text = await ok(['plan', '--db', db]);
    expect(text).toContain("Plan for 1 open sprint(s), with each sprint's own reserve:");
    expect(text).toContain('S1  2027-01-04 to 2027-01-17  reserve 6  allocated 6');
    expect(text).toContain(`Flaky tests  [${top}]  priority rank 1`);
    expect(text).toMatch(/Not planned \(1\):\n\s+1 {2}Old logger .*the reserve ran out after S1; 1 of 4 left/);
  });

  it('prints the JSON shape scripts rely on, honouring --reserve and --sprints', async () => {
    const a = await addItem('Flaky tests', '3', '5');
    const b = await addItem('Old logger', '4');
    await addSprint('S1', '2027-01-04');
    await addSprint('S2', '2027-01-18');
    const plan = JSON.parse(await ok(['plan', '--db', db, '--json', '--reserve', '10', '--sprints', '1'])) as Record<string, unknown>;
    expect(plan).toMatchObject({
      sprints: [{ name: 'S1', reserve: 4, allocated: 4, items: [{ id: a, amount: 3 }, { id: b, amount: 1 }] }],
      unplanned: [b],
    });
    expect(Object.keys(plan)).toEqual(expect.arrayContaining(['sprints', 'unplanned']));
  });

  it('refuses bad options with exit 2', async () => {
    for (const argv of [['--reserve', '101'], ['--sprints', '0'], ['--sprints', 'two'], ['extra']]) {
      const res = await run(['plan', '--db', db, ...argv]);
      expect(res.code).toBe(2);
      expect(res.stdout).toBe('');
    }
    expect(existsSync(db)).toBe(false);
  });
});

describe('paydown sprint pin|unpin and plan exclude|include', () => {
  it('pins an item to a sprint and unpins it, as text and JSON, and the plan follows', async () => {
    await addItem('Flaky tests', '3', '5');
    const low = await addItem('Old logger', '2');
    await addSprint('S1', '2027-01-04');
    await addSprint('S2', '2027-01-18');
    expect(await ok(['sprint', 'pin', '--db', db, '--name', 'S2', '--item', low])).toBe(`Pinned item ${low} to sprint S2.\n`);
    let plan = JSON.parse(await ok(['plan', '--db', db, '--json'])) as { sprints: { name: string; items: { id: string; title: string; pinned: boolean }[] }[] };
    expect(plan.sprints[1]?.items).toEqual([expect.objectContaining({ id: low, title: 'Old logger', pinned: true })]);
    const pinned = JSON.parse(await ok(['sprint', 'pin', '--db', db, '--name', 'S1', '--item', low, '--note', 'Before the audit', '--json'])) as unknown;
    expect(pinned).toMatchObject({ name: 'S1', pins: [{ itemId: low, note: 'Before the audit' }] });
    const listed = JSON.parse(await ok(['sprint', 'list', '--db', db, '--json'])) as { pins: unknown[] }[];
    expect(listed.map((s) => s.pins.length)).toEqual([1, 0]);
    expect(JSON.parse(await ok(['sprint', 'unpin', '--db', db, '--name', 'S1', '--item', low, '--json']))).toMatchObject({ name: 'S1', pins: [] });
    plan = JSON.parse(await ok(['plan', '--db', db, '--json'])) as typeof plan;
    expect(plan.sprints.flatMap((s) => s.items).every((p) => !p.pinned)).toBe(true);
  });

  it('excludes an item from the plan with a note and includes it again, as text and JSON', async () => {
    const top = await addItem('Flaky tests', '3', '5');
    await addSprint('S1', '2027-01-04');
    expect(await ok(['plan', 'exclude', '--db', db, '--item', top, '--note', 'Replaced in March'])).toBe(
      `Excluded item ${top} from the plan. 1 item(s) are excluded from the plan.\n`,
    );
    expect(await ok(['plan', '--db', db])).toMatch(new RegExp(`Not planned \\(1\\):\\n\\s+3 {2}Flaky tests {2}\\[${top}\\] {2}excluded from planning: Replaced in March`));
    expect(JSON.parse(await ok(['plan', '--db', db, '--json']))).toMatchObject({ sprints: [{ items: [] }], unplanned: [top] });
    expect(JSON.parse(await ok(['plan', 'exclude', '--db', db, '--item', top, '--json']))).toEqual([{ itemId: top }]);
    expect(JSON.parse(await ok(['plan', 'include', '--db', db, '--item', top, '--json']))).toEqual([]);
    expect(JSON.parse(await ok(['plan', '--db', db, '--json']))).toMatchObject({ sprints: [{ items: [{ id: top }] }], unplanned: [] });
  });

  it('refuses what it cannot do: exit 1 for an unknown item, sprint or pin, nothing written', async () => {
    const a = await addItem('Flaky tests', '3');
    await addSprint('S1', '2027-01-04');
    const unknown = '00000000-0000-4000-8000-0000000000ff';
    const before = await readFile(db);
    for (const argv of [
      ['sprint', 'pin', '--name', 'S9', '--item', a],
      ['sprint', 'pin', '--name', 'S1', '--item', unknown],
      ['sprint', 'unpin', '--name', 'S1', '--item', a],
      ['plan', 'exclude', '--item', unknown],
      ['plan', 'include', '--item', a],
    ]) {
      const res = await run([...argv, '--db', db]);
      expect(res.code).toBe(1);
      expect(res.stdout).toBe('');
      expect(res.stderr).toMatch(/^paydown: (No sprint is called “S9”|No debt item has the id|Item .* is not (pinned|excluded))/);
    }
    expect(await readFile(db)).toEqual(before);
  });

  it.each([
    [['sprint', 'pin', '--item', 'x'], 'Missing required option --name'],
    [['sprint', 'pin', '--name', 'S1'], 'Missing required option --item'],
    [['sprint', 'pin', '--name', 'S1', '--item', 'PAY-1'], '--item: An item id is a UUID'],
    [['sprint', 'unpin', '--name', 'S1', '--item', '00000000-0000-4000-8000-000000000001', '--note', 'x'], 'has no option --note'],
    [['plan', 'exclude'], 'Missing required option --item'],
    [['plan', 'exclude', '--item', '00000000-0000-4000-8000-000000000001', '--note', 'x'.repeat(201)], '--note'],
    [['plan', 'include', '--item', 'PAY-1'], '--item'],
  ])('refuses %j with exit 2 and creates no file', async (argv, named) => {
    const res = await run([...argv, '--db', db]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(named);
    expect(existsSync(db)).toBe(false);
  });
});

describe('paydown forecast', () => {
  it('explains the entered-capacity basis with fewer than 3 closed sprints', async () => {
    await addSprint('S1', '2027-01-04');
    const text = await ok(['forecast', '--db', db]);
    expect(text).toContain('Forecast from the entered capacity:');
    expect(text).toContain('Only 0 closed sprints; a forecast from history needs 3.');
    expect(text).toMatch(/S1\s+2027-01-04 to 2027-01-17\s+40 \/ 28\s+6 \/ 4.2/);
  });

  it('refuses bad options with exit 2', async () => {
    for (const argv of [['--trials', '0'], ['--seed', '-1'], ['--seed', '1.5'], ['--sprints', '99'], ['backtest', '--sprints', '2']]) {
      const res = await run(['forecast', '--db', db, ...argv]);
      expect(res.code).toBe(2);
    }
    expect(existsSync(db)).toBe(false);
  });

  it('says a backtest needs closed sprints', async () => {
    expect(await ok(['forecast', 'backtest', '--db', db])).toContain('needs at least 4 closed sprints');
  });
});

describe('a team plans and forecasts from the command line', () => {
  it('adds items and sprints, closes three, then plans within the reserve and forecasts reproducibly', async () => {
    const ids = [await addItem('Flaky tests', '3', '5'), await addItem('Old logger', '2'), await addItem('Slow build', '5'), await addItem('Dead flags', '1')];
    await addSprint('S1', '2027-01-04');
    await addSprint('S2', '2027-01-18');
    await addSprint('S3', '2027-02-01');
    await addSprint('S4', '2027-02-15', '--reserve', '20');
    await ok(['sprint', 'close', '--db', db, '--name', 'S1', '--completed', '32', '--debt', '5', '--paid', ids[3] ?? '']);
    await ok(['sprint', 'close', '--db', db, '--name', 'S2', '--completed', '36', '--debt', '6']);
    await ok(['sprint', 'close', '--db', db, '--name', 'S3', '--completed', '30', '--debt', '4']);

    const plan = JSON.parse(await ok(['plan', '--db', db, '--json'])) as {
      sprints: { name: string; reserve: number; allocated: number; items: { id: string; amount: number }[] }[];
      unplanned: string[];
    };
    expect(plan.sprints.map((s) => s.name)).toEqual(['S4']);
    const [s4] = plan.sprints;
    expect(s4?.reserve).toBe(8);
    expect(s4?.allocated).toBeLessThanOrEqual(8);
    expect(s4?.items.reduce((sum, p) => sum + p.amount, 0)).toBeCloseTo(s4?.allocated ?? -1);
    expect(s4?.items[0]).toEqual(expect.objectContaining({ reason: 'priority rank 1' }));
    expect(plan.unplanned).not.toContain(ids[3]);
    expect([...(s4?.items.map((p) => p.id) ?? []), ...plan.unplanned].sort()).toEqual(expect.arrayContaining([ids[0], ids[1], ids[2]].sort()));

    const argv = ['forecast', '--db', db, '--json', '--sprints', '3', '--trials', '2000', '--seed', '42'];
    const first = await ok(argv);
    expect(await ok(argv)).toBe(first);
    const forecast = JSON.parse(first) as { basis: string; seed: number; sprints: { name: string }[]; projected: string[] };
    expect(forecast).toMatchObject({ basis: 'history', seed: 42, projected: ['S5', 'S6'] });
    expect(forecast.sprints.map((s) => s.name)).toEqual(['S4', 'S5', 'S6']);
    expect(await ok(['forecast', '--db', db, '--json', '--sprints', '3', '--trials', '2000', '--seed', '43'])).not.toBe(first);
    expect(await ok(['forecast', '--db', db, '--sprints', '1'])).toMatch(/Forecast from 3 closed sprints \(seed 1\):\nBootstrap over 3 closed sprints/);

    const backtest = JSON.parse(await ok(['forecast', 'backtest', '--db', db, '--json'])) as unknown;
    expect(backtest).toEqual({ forecasts: 0, p50HitRate: null, p85HitRate: null });
    await ok(['sprint', 'close', '--db', db, '--name', 'S4', '--completed', '34', '--debt', '7']);
    const after = JSON.parse(await ok(['forecast', 'backtest', '--db', db, '--json', '--trials', '500'])) as Record<string, unknown>;
    expect(Object.keys(after)).toEqual(['forecasts', 'p50HitRate', 'p85HitRate']);
    expect(after['forecasts']).toBe(1);
    expect([0, 1]).toContain(after['p50HitRate']);
    expect(await ok(['forecast', 'backtest', '--db', db, '--trials', '500'])).toContain('Backtest of 1 forecast(s) of debt capacity');
  });

  it('lists the new commands in the help', async () => {
    const help = await ok(['--help']);
    for (const text of ['sprint add', 'sprint close', 'sprint list', 'sprint pin', 'sprint unpin', 'plan exclude', 'plan include', '--item', '--note', 'paydown plan', 'forecast backtest', '--reserve', '--reason', '--paid', '--seed', '--trials']) {
      expect(help).toContain(text);
    }
  });
});
