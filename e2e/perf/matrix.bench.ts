import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { holdRequests } from '../hold-requests.js';
import { FRAME_TRACE_CATEGORIES, workPerFrame } from './frame-work.js';
import { bundleHitTestProbe, type ProbeFigures } from './hit-test-probe.js';
import { seededItems } from './seeded-items.js';

const N = 100_000;
const SVG_BASELINE = 10_000;
/** Random pointer positions for the hit-test figures. */
const PROBES = 10_000;

/** Writes N items straight into the test's portfolio file (the API would take minutes for 100k). */
function seedPortfolio(dbPath: string): void {
  const db = new Database(dbPath);
  const insert = db.prepare(
    `INSERT INTO debt_items (id, title, kind, status, likelihood, impact, effort_low, effort_likely, effort_high, interest,
      due_date, created_at, updated_at, version) VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const search = db.prepare('INSERT INTO item_search (item_seq, text) VALUES (?, ?)');
  db.transaction(() => {
    for (const item of seededItems(N)) {
      const { lastInsertRowid } = insert.run(
        item.id,
        item.title,
        item.kind,
        item.likelihood,
        item.impact,
        item.effortLow,
        item.effortLikely,
        item.effortHigh,
        item.interest,
        item.dueDate,
        '2026-11-01T00:00:00.000Z',
        '2026-11-01T00:00:00.000Z',
      );
      search.run(lastInsertRowid, item.title.toLowerCase());
    }
  })();
  db.close();
}

interface Window {
  __frames: number[];
  __stop: boolean;
  __long: { start: number; duration: number }[];
}

/** Frame intervals (ms) while `act` runs, from requestAnimationFrame in the page. */
async function frameTimes(page: Page, act: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as Window;
    w.__frames = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await act();
  return page.evaluate(() => {
    const w = window as unknown as Window;
    w.__stop = true;
    return w.__frames.slice(1);
  });
}

const now = (page: Page) => page.evaluate(() => performance.now());

/**
 * Frame intervals and main-thread work per frame (from a Chrome trace) while `act` runs, and the page time when
 * it ended: collecting the trace takes a while, and the page goes on meanwhile.
 */
async function tracedFrames(page: Page, act: () => Promise<void>): Promise<{ intervals: number[]; work: number[]; end: number }> {
  const browser = page.context().browser();
  if (browser === null) throw new Error('frame work needs a browser to trace');
  await browser.startTracing(page, { categories: FRAME_TRACE_CATEGORIES });
  const intervals = await frameTimes(page, act);
  const end = await now(page);
  const work = workPerFrame((await browser.stopTracing()).toString('utf8'));
  return { intervals, work, end };
}

/** Clicks a view button from inside the page and answers the page time just before the click. */
const clickView = (page: Page, label: string): Promise<number> =>
  page.evaluate((name) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
    const t = performance.now();
    button?.click();
    return t;
  }, label);

/** Longest main-thread task (PerformanceObserver 'longtask', so only tasks over 50 ms exist) between two page times. */
async function longTasks(page: Page, from: number, to: number): Promise<{ max: number; count: number }> {
  const all = await page.evaluate(() => (window as unknown as Window).__long);
  const inside = all.filter((t) => t.start + t.duration >= from && t.start <= to);
  return { max: Math.max(0, ...inside.map((t) => t.duration)), count: inside.length };
}

/** When the matrix last finished an exact picture of `points` visible points after page time `after`. */
async function drawnAfter(page: Page, after: number, points?: number): Promise<number> {
  const handle = await page.waitForFunction(
    ([t, n]) => {
      const marks = performance.getEntriesByName('paydown:matrix-drawn') as PerformanceMark[];
      const hit = marks.find((m) => m.startTime > t && (n === null || (m.detail as { points: number }).points === n));
      return hit === undefined ? false : hit.startTime;
    },
    [after, points ?? null] as const,
    { timeout: 120_000, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

const sorted = (xs: readonly number[]) => [...xs].sort((x, y) => x - y);
const p95 = (xs: readonly number[]) => sorted(xs)[Math.floor(xs.length * 0.95)] ?? Number.NaN;
const median = (xs: readonly number[]) => sorted(xs)[Math.floor(xs.length / 2)] ?? Number.NaN;
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const ratio = (ours: number, base: number) => `${(ours / base).toFixed(2)}x`;

async function zoomIn(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<void> {
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 15; i++) await page.mouse.wheel(0, -120);
}

async function panAndZoomOut(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<void> {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 20; i++) await page.mouse.move(cx - i * 10, cy + i * 5);
  await page.mouse.up();
  for (let i = 0; i < 15; i++) await page.mouse.wheel(0, 120);
}

test('matrix: 100k points on canvas against 10k SVG circles', async ({ app }) => {
  const { page } = app;
  const probeScript = readFileSync(bundleHitTestProbe(), 'utf8');
  seedPortfolio(app.dbPath);
  await page.addInitScript(() => {
    const w = window as unknown as Window;
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
  await app.restart();
  await page.setViewportSize({ width: 1400, height: 1400 });

  const tableRow = page.getByRole('table', { name: 'Debt items' }).locator('tr.item-row').first();

  // Cold: "Matrix" clicked the moment the table's first page shows, and the background read of the matrix held
  // back until the click (the table can take long enough to show for that read to finish first), so the click
  // waits for all of it: host query, transfer, decode, score, lay out, paint.
  const releaseRead = await holdRequests(page, '**/api/items.matrix');
  await expect(tableRow).toBeVisible({ timeout: 120_000 });
  const coldClicked = await clickView(page, 'Matrix');
  releaseRead();
  await expect(page.getByTestId('matrix-count')).toHaveText(/100,000 items/, { timeout: 120_000 });
  const coldDrawn = await drawnAfter(page, coldClicked, N);
  const coldRead = await page.evaluate(
    (t) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('/api/items.matrix'))
        .map((e) => e as PerformanceResourceTiming)
        .find((e) => e.responseEnd >= t),
    coldClicked,
  );
  const coldLong = await longTasks(page, coldClicked, coldDrawn);
  await page.unroute('**/api/items.matrix');

  // The usual way in: the page loads, the table shows, and while the page is idle the matrix is read and scored
  // in the background (the 'paydown:matrix-scored' mark); then "Matrix" is clicked.
  await page.reload();
  await expect(tableRow).toBeVisible({ timeout: 120_000 });
  await page.waitForFunction(
    (n) => (performance.getEntriesByName('paydown:matrix-scored') as PerformanceMark[]).some((m) => (m.detail as { points: number }).points === n),
    N,
    { timeout: 120_000, polling: 100 },
  );
  const clicked = await clickView(page, 'Matrix');
  await expect(page.getByTestId('matrix-count')).toHaveText(/100,000 items/, { timeout: 120_000 });
  const firstDrawn = await drawnAfter(page, clicked, N);
  const firstLong = await longTasks(page, clicked, firstDrawn);
  const firstCircles = await page.evaluate(
    (t) => ((performance.getEntriesByName('paydown:matrix-drawn') as PerformanceMark[]).find((m) => m.startTime >= t)?.detail as { circles: number } | undefined)?.circles ?? 0,
    firstDrawn,
  );

  // Back to the table and to the matrix again: nothing changed, so the held matrix is checked, not read again.
  await clickView(page, 'Table');
  await expect(tableRow).toBeVisible();
  const revisited = await clickView(page, 'Matrix');
  const revisitDrawn = await drawnAfter(page, revisited, N);
  const revisitReads = await page.evaluate(
    (t) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/items.matrix') && e.startTime >= t).length,
    revisited,
  );

  const plot = page.getByRole('group', { name: /Priority matrix plot/ });
  const box = await plot.boundingBox();
  if (box === null) throw new Error('no plot');

  // Rescore: a weight preset change rescored and redrawn, and the longest task meanwhile.
  const rescoreFrom = await now(page);
  await page.getByLabel('Preset').selectOption({ label: 'Risk first' });
  await expect(page.getByText('Rescoring…')).toBeHidden({ timeout: 60_000 });
  const rescoreDrawn = await drawnAfter(page, rescoreFrom, N);
  const rescoreLong = await longTasks(page, rescoreFrom, rescoreDrawn);

  // Box selection: a Shift+drag over the middle of the plot, from the press to the count of selected items.
  const boxFrom = await now(page);
  await page.keyboard.down('Shift');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.3 + i * 0.03), box.y + box.height * (0.3 + i * 0.03));
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('bulk-count')).toHaveText(/selected/, { timeout: 60_000 });
  const boxTo = await now(page);
  const boxCount = (await page.getByTestId('bulk-count').textContent()) ?? '';
  const boxLong = await longTasks(page, boxFrom, boxTo);
  await page.keyboard.press('Escape');

  // Zoom and pan: frame intervals while the script runs, the longest task, and the exact redraw once it settles.
  await plot.focus();
  const visibleBefore = await plot.getAttribute('data-visible-count');
  const gestureFrom = await now(page);
  const zoomFrames = await tracedFrames(page, () => zoomIn(page, box));
  await expect(plot).not.toHaveAttribute('data-visible-count', visibleBefore ?? '');
  const visibleZoomed = await plot.getAttribute('data-visible-count');
  const panFrames = await tracedFrames(page, () => panAndZoomOut(page, box));
  const gestureEnd = panFrames.end;
  const settled = await drawnAfter(page, gestureEnd);
  const gestureLong = await longTasks(page, gestureFrom, gestureEnd);
  const canvasFrames = [...zoomFrames.intervals, ...panFrames.intervals];
  const canvasWork = [...zoomFrames.work, ...panFrames.work];

  // Hover: frames while the real mouse moves, then the app's pointermove handler on synthetic events.
  const hoverFrames = await tracedFrames(page, async () => {
    for (let i = 0; i < 40; i++) await page.mouse.move(box.x + 80 + i * 20, box.y + 60 + (i % 10) * 35);
  });
  const handlerMs = await page.evaluate((count) => {
    const el = document.querySelector('.matrix-plot');
    if (el === null) return Number.NaN;
    const r = el.getBoundingClientRect();
    let s = 3;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const t0 = performance.now();
    for (let k = 0; k < count; k++) {
      const init = { clientX: r.left + 70 + rnd() * (r.width - 90), clientY: r.top + 15 + rnd() * (r.height - 65), bubbles: true, pointerId: 1, pointerType: 'mouse' };
      el.dispatchEvent(new PointerEvent('pointermove', init));
    }
    return (performance.now() - t0) / count;
  }, 2_000);
  const canvasSize = await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('.matrix-canvas');
    return { width: c?.clientWidth ?? 0, height: c?.clientHeight ?? 0 };
  });

  // The hit-test itself: the app's own layout and quadtree code on the same 100k items, bundled into this page.
  // Evaluated through the DevTools protocol, which the page's CSP (no inline scripts) does not govern.
  await page.evaluate(probeScript);
  const probe = await page.evaluate(
    ([n, size, probes]) => (window as unknown as { paydownProbe: { measure: (n: number, w: number, h: number, p: number) => Promise<ProbeFigures> } }).paydownProbe.measure(n, size.width, size.height, probes),
    [N, canvasSize, PROBES] as const,
  );

  // Baseline: the same interaction on 10k SVG circles, one DOM node each, moved by rewriting attributes.
  // Its first draw: from creating the circles to the frame after they are laid out and painted.
  await page.setContent('<svg id="b" width="1200" height="500"></svg>');
  const svgFirstDraw = await page.evaluate(
    (n) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const svg = document.getElementById('b');
        for (let i = 0; i < n; i++) {
          const c = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
          c.setAttribute('r', '4');
          c.setAttribute('fill', '#0072B2');
          c.setAttribute('cx', String((i * 37) % 1200));
          c.setAttribute('cy', String((i * 53) % 500));
          svg?.appendChild(c);
        }
        requestAnimationFrame(() => {
          setTimeout(() => {
            resolve(performance.now() - t0);
          }, 0);
        });
      }),
    SVG_BASELINE,
  );
  await page.setContent('<svg id="b" width="1200" height="500"></svg>');
  await page.evaluate((n) => {
    const svg = document.getElementById('b');
    if (svg === null) return;
    const circles: SVGCircleElement[] = [];
    for (let i = 0; i < n; i++) {
      const c = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
      c.setAttribute('r', '4');
      c.setAttribute('fill', '#0072B2');
      svg.appendChild(c);
      circles.push(c);
    }
    let k = 1;
    let dx = 0;
    const draw = () => {
      circles.forEach((c, i) => {
        c.setAttribute('cx', String(((i * 37) % 1200) * k + dx));
        c.setAttribute('cy', String(((i * 53) % 500) * k));
      });
    };
    draw();
    svg.addEventListener('wheel', (e) => {
      k *= Math.exp(-e.deltaY * 0.002);
      draw();
    });
    svg.addEventListener('pointermove', (e) => {
      if (e.buttons === 1) {
        dx += e.movementX;
        draw();
      }
    });
  }, SVG_BASELINE);
  // Hover on SVG is the browser's own hit-test: elementFromPoint, timed like the probe (mean, and p95 of 100-call batches).
  const svgHover = await page.evaluate((probes) => {
    let s = 11;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const xs = Array.from({ length: probes }, () => rnd() * 1200);
    const ys = Array.from({ length: probes }, () => rnd() * 500);
    for (let k = 0; k < 1000; k++) document.elementFromPoint(xs[k] ?? 0, ys[k] ?? 0);
    const batches: number[] = [];
    let hits = 0;
    const t0 = performance.now();
    for (let b = 0; b < probes; b += 100) {
      const tb = performance.now();
      for (let k = b; k < b + 100; k++) if (document.elementFromPoint(xs[k] ?? 0, ys[k] ?? 0) instanceof SVGCircleElement) hits++;
      batches.push((performance.now() - tb) / 100);
    }
    return { mean: (performance.now() - t0) / probes, batches, hits };
  }, PROBES);
  const svgBox = { x: 0, y: 0, width: 1200, height: 500 };
  const svgTraced = await tracedFrames(page, async () => {
    await zoomIn(page, svgBox);
    await panAndZoomOut(page, svgBox);
  });
  const svgFrames = svgTraced.intervals;
  const svgWork = svgTraced.work;

  const ours = (label: string, value: string) => {
    console.log(`${label.padEnd(58)} ${value}`);
  };
  ours(`first draw, ${String(N)} items, matrix read in the background first`, `${fmt(firstDrawn - clicked, 0)} ms (goal ≤300 ms; click → every point on canvas)`);
  ours('  longest task during first draw', `${fmt(firstLong.max)} ms (${String(firstLong.count)} tasks over 50 ms)`);
  ours(`first draw, cold: clicked as the table shows`, `${fmt(coldDrawn - coldClicked, 0)} ms (host query, transfer, decode, score, lay out, paint)`);
  ours(
    '  of which items.matrix: sent / first byte / last byte',
    coldRead === undefined ? 'n/a' : `${fmt(coldRead.requestStart - coldClicked, 0)} / ${fmt(coldRead.responseStart - coldClicked, 0)} / ${fmt(coldRead.responseEnd - coldClicked, 0)} ms after the click (${fmt(coldRead.decodedBodySize / 1e6)} MB of JSON, ${fmt(coldRead.encodedBodySize / 1e6)} MB sent)`,
  );
  ours('  of which in the page (last byte → every point drawn)', coldRead === undefined ? 'n/a' : `${fmt(coldDrawn - coldRead.responseEnd, 0)} ms`);
  ours('  longest task during the cold first draw', `${fmt(coldLong.max)} ms (${String(coldLong.count)} tasks over 50 ms)`);
  ours('back to the matrix from the table (nothing changed)', `${fmt(revisitDrawn - revisited, 0)} ms, ${String(revisitReads)} reads of items.matrix`);
  ours(`first draw, SVG ${String(SVG_BASELINE)} (baseline; data already in the page)`, `${fmt(svgFirstDraw, 0)} ms`);
  ours('  ratio canvas(100k, read in the background) / SVG(10k), first draw', ratio(firstDrawn - clicked, svgFirstDraw));
  ours('  ratio canvas(100k, cold) / SVG(10k), first draw', ratio(coldDrawn - coldClicked, svgFirstDraw));
  ours('  circles painted (points at the same spot drawn once)', `${String(firstCircles)} of ${String(N)}`);
  ours(`rescore ${String(N)} items, weights → redrawn`, `${fmt(rescoreDrawn - rescoreFrom, 0)} ms`);
  ours('  longest task during rescore', `${fmt(rescoreLong.max)} ms (${String(rescoreLong.count)} tasks over 50 ms; goal none)`);
  ours('box selection (Shift+drag → count shown)', `${fmt(boxTo - boxFrom, 0)} ms, ${boxCount}`);
  ours('  longest task during box selection', `${fmt(boxLong.max)} ms (${String(boxLong.count)} tasks over 50 ms; goal none)`);
  ours('zoom/pan visible points', `${String(visibleBefore)} whole view, ${String(visibleZoomed)} zoomed in`);
  // Late frames: an interval over 1.5 refresh periods means at least one vsync passed without a new frame.
  const late = (xs: readonly number[]) => xs.filter((x) => x > 1.5 * median(xs)).length;
  const spread = (xs: readonly number[]) => `p95 ${fmt(p95(xs))} ms, max ${fmt(Math.max(...xs))} ms, median ${fmt(median(xs))} ms over ${String(xs.length)} frames`;
  ours(`zoom/pan, canvas ${String(N)}: main-thread work per frame`, `${spread(canvasWork)} (goal p95 ≤16.7 ms)`);
  ours('  frame interval (requestAnimationFrame)', `${spread(canvasFrames)}, ${String(late(canvasFrames))} late`);
  ours(`zoom/pan, SVG ${String(SVG_BASELINE)} (baseline): main-thread work per frame`, spread(svgWork));
  ours('  frame interval (requestAnimationFrame)', `${spread(svgFrames)}, ${String(late(svgFrames))} late`);
  ours('  ratio canvas(100k) / SVG(10k), p95 work per frame', ratio(p95(canvasWork), p95(svgWork)));
  ours('  ratio canvas(100k) / SVG(10k), p95 frame interval', ratio(p95(canvasFrames), p95(svgFrames)));
  console.log('  (a 60 Hz display starts a frame every 16.7 ms, so no interval is shorter: it shows late frames, the work shows headroom)');
  ours('  longest task during the gesture', `${fmt(gestureLong.max)} ms (${String(gestureLong.count)} tasks over 50 ms)`);
  ours('  gesture end → exact redraw', `${fmt(settled - gestureEnd, 0)} ms`);
  ours(`hover hit-test, ${String(probe.visible)} points (${String(probe.indexed)} positions): mean`, `${fmt(probe.meanMs, 4)} ms per call over ${String(PROBES)} positions (goal ≤1 ms)`);
  ours('  p95 of 100-call batch means', `${fmt(p95(probe.batchMs), 4)} ms`);
  ours('  p95 per position (each repeated 100×)', `${fmt(probe.p95PerPositionMs, 4)} ms`);
  ours('  mean on a quadtree of all visible points (indexPoints)', `${fmt(probe.wholeMeanMs, 4)} ms`);
  ours(`hover, SVG ${String(SVG_BASELINE)} elementFromPoint (baseline): mean`, `${fmt(svgHover.mean, 4)} ms per call; p95 of batch means ${fmt(p95(svgHover.batches), 4)} ms`);
  ours('  ratio quadtree(100k) / elementFromPoint(10k), mean', ratio(probe.meanMs, svgHover.mean));
  ours('  hit rates (quadtree, SVG)', `${fmt((100 * probe.hits) / PROBES, 0)}%, ${fmt((100 * svgHover.hits) / PROBES, 0)}%`);
  ours('  layout / whole quadtree in one pass (for reference)', `${fmt(probe.layoutMs)} ms / ${fmt(probe.indexMs)} ms`);
  ours('in-app pointermove handler (hit-test + state update)', `${fmt(handlerMs, 4)} ms per event`);
  ours(`hover, canvas ${String(N)}: main-thread work per frame while the mouse moves`, spread(hoverFrames.work));
  ours('  frame interval (requestAnimationFrame)', `${spread(hoverFrames.intervals)}, ${String(late(hoverFrames.intervals))} late`);
});
