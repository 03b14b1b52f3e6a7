import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';

const N = 100_000;
const SVG_BASELINE = 10_000;
const KINDS = ['architecture', 'code', 'test', 'infrastructure', 'dependency', 'documentation', 'security', 'process', 'other'];

/** Writes N items straight into the test's portfolio file (the API would take minutes for 100k). */
function seedPortfolio(dbPath: string): void {
  const db = new Database(dbPath);
  let a = 7;
  const random = () => {
    a = (a * 16807) % 2147483647;
    return a / 2147483647;
  };
  const insert = db.prepare(
    `INSERT INTO debt_items (id, title, kind, status, likelihood, impact, effort_low, effort_likely, effort_high, interest,
      due_date, created_at, updated_at, version, search_text) VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  db.transaction(() => {
    for (let n = 0; n < N; n++) {
      const likely = [0, 0.5, 1, 2, 3, 5, 8, 13][Math.floor(random() * 8)] ?? 1;
      const title = `Item ${String(n)}`;
      insert.run(
        `00000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`,
        title,
        KINDS[n % KINDS.length],
        1 + Math.floor(random() * 5),
        1 + Math.floor(random() * 5),
        likely / 2,
        likely,
        likely * 3,
        Math.round(random() * 6) / 2,
        random() < 0.5 ? `2027-0${String(1 + Math.floor(random() * 9))}-15` : null,
        '2026-11-01T00:00:00.000Z',
        '2026-11-01T00:00:00.000Z',
        title.toLowerCase(),
      );
    }
  })();
  db.close();
}

/** Frame intervals (ms) while `act` runs, from requestAnimationFrame in the page. */
async function frameTimes(page: Page, act: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
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
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(1);
  });
}

const p95 = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length * 0.95)] ?? Number.NaN;
const fmt = (n: number) => n.toFixed(1);

async function zoomAndPan(page: Page, box: { x: number; y: number; width: number; height: number }, zoomedIn?: () => Promise<void>): Promise<void> {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 15; i++) await page.mouse.wheel(0, -120);
  await zoomedIn?.();
  await page.mouse.down();
  for (let i = 0; i < 20; i++) await page.mouse.move(cx - i * 10, cy + i * 5);
  await page.mouse.up();
  for (let i = 0; i < 15; i++) await page.mouse.wheel(0, 120);
}

test('matrix: 100k points on canvas against 10k SVG circles', async ({ app }) => {
  const { page } = app;
  seedPortfolio(app.dbPath);
  await app.restart();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Matrix' }).click();
  const started = Date.now();
  await expect(page.getByTestId('matrix-count')).toHaveText(/100,000 items/, { timeout: 120_000 });
  const firstShowMs = Date.now() - started;
  const plot = page.getByRole('group', { name: /Priority matrix plot/ });
  // The plot sits below the fold at 1400×900; the mouse only reaches what is on screen.
  await page.setViewportSize({ width: 1400, height: 1400 });
  const box = await plot.boundingBox();
  if (box === null) throw new Error('no plot');

  // Longest main-thread task while rescoring all items after a weight change.
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.getByLabel('Preset').selectOption({ label: 'Risk first' });
  await expect(page.getByText('Rescoring…')).toBeHidden({ timeout: 60_000 });
  const longTasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  const measures = await page.evaluate(() =>
    ['paydown:matrix-layout', 'paydown:matrix-paint'].map((name) => {
      const all = performance.getEntriesByName(name).map((e) => e.duration);
      return `${name} last ${(all.at(-1) ?? Number.NaN).toFixed(1)} ms (max ${Math.max(0, ...all).toFixed(1)} ms)`;
    }),
  );

  await plot.focus();
  const visibleBefore = await plot.getAttribute('data-visible-count');
  const canvasFrames = await frameTimes(page, async () => {
    await zoomAndPan(page, box, async () => {
      await expect(plot).not.toHaveAttribute('data-visible-count', visibleBefore ?? '');
      console.log(`visible points: ${String(visibleBefore)} before zooming, ${String(await plot.getAttribute('data-visible-count'))} zoomed in`);
    });
  });
  const hoverFrames = await frameTimes(page, async () => {
    for (let i = 0; i < 40; i++) await page.mouse.move(box.x + 80 + i * 20, box.y + 60 + (i % 10) * 35);
  });

  // Baseline: the same interaction on 10k SVG circles, one DOM node each, moved by rewriting attributes.
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
  const svgBox = { x: 0, y: 0, width: 1200, height: 500 };
  const svgFrames = await frameTimes(page, () => zoomAndPan(page, svgBox));

  console.log(`first show of the matrix, ${String(N)} items (load + score + paint): ${String(firstShowMs)} ms`);
  console.log(`rescore ${String(N)} items: longest main-thread task ${fmt(Math.max(0, ...longTasks))} ms (${String(longTasks.length)} tasks over 50 ms)`);
  console.log(`full-view ${String(N)} points: ${measures.join('; ')}`);
  console.log(`zoom/pan, canvas ${String(N)} points: p95 frame ${fmt(p95(canvasFrames))} ms over ${String(canvasFrames.length)} frames`);
  console.log(`zoom/pan, SVG ${String(SVG_BASELINE)} circles (baseline): p95 frame ${fmt(p95(svgFrames))} ms over ${String(svgFrames.length)} frames`);
  console.log(`ratio canvas(100k) / SVG(10k) p95 frame: ${(p95(canvasFrames) / p95(svgFrames)).toFixed(2)}x`);
  console.log(`hover hit-testing, ${String(N)} points: p95 frame ${fmt(p95(hoverFrames))} ms over ${String(hoverFrames.length)} frames`);
});
