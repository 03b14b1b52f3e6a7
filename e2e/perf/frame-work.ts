/**
 * Frame figures from a Chrome trace. The interval between requestAnimationFrame callbacks cannot go under
 * the display's refresh period (16.7 ms at 60 Hz) however little a frame does, so it shows dropped frames but
 * not headroom. The work per frame does: everything the page's main thread ran between the start of one frame
 * and the start of the next (input, script, React, canvas, style, layout, paint), as DevTools' Performance
 * panel shows it.
 */

/** The categories the figures need: top-level tasks and frame starts on the renderer's main thread. */
export const FRAME_TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  cat?: string;
  args?: { name?: string; data?: { frames?: { processId: number; isOutermostMainFrame?: boolean }[] } };
}

/** The trace's events, whether Chrome wrote the JSON object form or the bare array form. */
function eventsOf(trace: string): TraceEvent[] {
  const parsed = JSON.parse(trace) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** The renderer process that draws the page's main frame, as the browser named it when tracing started. */
function pageProcess(events: readonly TraceEvent[]): number {
  for (const e of events) {
    if (e.name !== 'TracingStartedInBrowser') continue;
    const main = e.args?.data?.frames?.find((f) => f.isOutermostMainFrame === true);
    if (main !== undefined) return main.processId;
  }
  throw new Error('the trace does not say which renderer draws the page (no TracingStartedInBrowser event)');
}

/**
 * Milliseconds of main-thread work in each frame of the page: the durations of the tasks that start between
 * one BeginMainThreadFrame and the next, summed. Tasks before the first frame start or after the last are
 * left out, as they belong to frames the trace does not hold whole.
 */
export function workPerFrame(trace: string): number[] {
  const events = eventsOf(trace);
  const pid = pageProcess(events);
  const main = events.find((e) => e.pid === pid && e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (main === undefined) throw new Error(`the trace has no main thread for renderer ${String(pid)}`);
  const onMain = events.filter((e) => e.pid === pid && e.tid === main.tid);
  const starts = onMain.filter((e) => e.name === 'BeginMainThreadFrame').map((e) => e.ts).sort((a, b) => a - b);
  const work = new Array<number>(Math.max(0, starts.length - 1)).fill(0);
  for (const task of onMain) {
    if (task.name !== 'RunTask' || task.ph !== 'X') continue;
    // The last frame start at or before the task: a binary search, since a trace holds thousands of tasks.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] ?? 0) <= task.ts) lo = mid + 1;
      else hi = mid;
    }
    const frame = lo - 1;
    if (frame >= 0 && frame < work.length) work[frame] = (work[frame] ?? 0) + (task.dur ?? 0) / 1000;
  }
  return work;
}
