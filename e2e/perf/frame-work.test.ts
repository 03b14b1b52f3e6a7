import { describe, expect, it } from 'vitest';
import { workPerFrame } from './frame-work.js';

const PAGE = 20;
const OTHER = 30;

/** A trace as Chrome writes it: thread names, the browser's note of the page's renderer, frames and tasks. */
function trace(events: object[], asArray = false): string {
  const all = [
    { name: 'thread_name', ph: 'M', pid: PAGE, tid: 1, ts: 0, args: { name: 'CrRendererMain' } },
    { name: 'thread_name', ph: 'M', pid: PAGE, tid: 2, ts: 0, args: { name: 'Compositor' } },
    { name: 'thread_name', ph: 'M', pid: OTHER, tid: 1, ts: 0, args: { name: 'CrRendererMain' } },
    {
      name: 'TracingStartedInBrowser',
      ph: 'I',
      pid: 1,
      tid: 1,
      ts: 0,
      args: { data: { frames: [{ processId: OTHER, isOutermostMainFrame: false }, { processId: PAGE, isOutermostMainFrame: true }] } },
    },
    ...events,
  ];
  return JSON.stringify(asArray ? all : { traceEvents: all });
}

const frame = (ts: number, pid = PAGE, tid = 1) => ({ name: 'BeginMainThreadFrame', ph: 'I', pid, tid, ts });
const task = (ts: number, durMs: number, pid = PAGE, tid = 1) => ({ name: 'RunTask', ph: 'X', pid, tid, ts, dur: durMs * 1000 });

describe('workPerFrame', () => {
  it('sums the tasks that start in each frame of the page main thread', () => {
    const events = [frame(1_000), task(1_000, 3), task(9_000, 2.5), frame(17_700), task(18_000, 12), frame(34_400)];
    expect(workPerFrame(trace(events))).toEqual([5.5, 12]);
  });

  it('leaves out tasks before the first frame and after the last', () => {
    const events = [task(0, 40), frame(1_000), task(2_000, 1), frame(17_700), task(20_000, 90)];
    expect(workPerFrame(trace(events))).toEqual([1]);
  });

  it('counts only the page renderer main thread, not its other threads or other renderers', () => {
    const events = [
      frame(1_000),
      frame(1_000, OTHER),
      task(2_000, 4),
      task(2_000, 50, PAGE, 2),
      task(2_000, 60, OTHER),
      frame(17_700),
      frame(17_700, OTHER),
    ];
    expect(workPerFrame(trace(events))).toEqual([4]);
  });

  it('reads frames in time order whatever order the trace lists them in', () => {
    const events = [frame(34_400), task(20_000, 7), frame(1_000), task(5_000, 2), frame(17_700)];
    expect(workPerFrame(trace(events, true))).toEqual([2, 7]);
  });

  it('refuses a trace that does not name the page renderer', () => {
    const bare = JSON.stringify({ traceEvents: [frame(1_000), task(2_000, 1), frame(17_700)] });
    expect(() => workPerFrame(bare)).toThrow(/which renderer draws the page/);
  });
});
