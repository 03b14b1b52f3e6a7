import type { PointLayout } from './point-layout.js';

/** Points closer than this fraction of a pixel, with the same size and colour, count as the same spot. */
const SAME_PLACE = 16;

/**
 * The visible points in painting order: grouped by colour (a fill per colour, in key order, each
 * group in item order) and without the points that repeat an earlier one of their colour at the same
 * spot (to 1/16 px) and size. Each colour's circles are filled as one path, whose union covers a
 * repeated circle once anyway, so a repeat adds at most a 1/16 px shift of an anti-aliased edge. It
 * matters because scores cluster (integer risk, estimates in Fibonacci points): of 100k items, most
 * share a spot with others. `starts[c]` is where colour c's group begins in `order`, and
 * `starts[colourCount]` is its length.
 */
export interface PaintOrder {
  readonly order: Uint32Array;
  readonly starts: Uint32Array;
}

/**
 * Builds a PaintOrder a range of `layout.visible` at a time, so the painter can spread it over time
 * slices. Seen spots live in an open-addressing table of typed arrays: a Set of 100k non-integer keys
 * would allocate a heap number per key and cost more in garbage collection than the lookups.
 */
export class PaintOrderBuilder {
  private readonly keys: Float64Array;
  private readonly mask: number;
  private readonly kept: Uint32Array;
  private readonly colours: Uint8Array;
  private keptCount = 0;
  private readonly counts: Uint32Array;

  constructor(
    private readonly layout: PointLayout,
    private readonly colourCount: number,
  ) {
    const n = layout.visible.length;
    let size = 16;
    while (size < n * 2) size *= 2;
    this.keys = new Float64Array(size).fill(-1);
    this.mask = size - 1;
    this.kept = new Uint32Array(n);
    this.colours = new Uint8Array(n);
    this.counts = new Uint32Array(colourCount);
  }

  /** Considers visible points [from, to), in order. */
  add(from: number, to: number): void {
    const { visible, px, py, radius, colour } = this.layout;
    const { keys, mask, kept, colours, counts } = this;
    const last = this.colourCount - 1;
    for (let k = from; k < to; k++) {
      const i = visible[k] ?? 0;
      const c = Math.min(colour[i] ?? 0, last);
      // Pixels are below 2^20 / 16 and radii below 64: the key packs into 52 bits, exact in a double.
      const qx = Math.round((px[i] ?? 0) * SAME_PLACE) & 0xfffff;
      const qy = Math.round((py[i] ?? 0) * SAME_PLACE) & 0xfffff;
      const qc = c * 256 + (Math.round((radius[i] ?? 0) * 4) & 0xff);
      const key = (qc * 0x100000 + qy) * 0x100000 + qx;
      let h = Math.imul(qx, 0x9e3779b1) ^ Math.imul(qy, 0x85ebca6b) ^ Math.imul(qc, 0xc2b2ae35);
      h = (h ^ (h >>> 15)) & mask;
      let found = false;
      for (;;) {
        const at = keys[h] ?? -1;
        if (at === -1) break;
        if (at === key) {
          found = true;
          break;
        }
        h = (h + 1) & mask;
      }
      if (found) continue;
      keys[h] = key;
      kept[this.keptCount] = i;
      colours[this.keptCount] = c;
      this.keptCount += 1;
      counts[c] = (counts[c] ?? 0) + 1;
    }
  }

  finish(): PaintOrder {
    const { colourCount, counts, kept, colours, keptCount } = this;
    const starts = new Uint32Array(colourCount + 1);
    for (let c = 0; c < colourCount; c++) starts[c + 1] = (starts[c] ?? 0) + (counts[c] ?? 0);
    const next = starts.slice(0, colourCount);
    const order = new Uint32Array(keptCount);
    for (let k = 0; k < keptCount; k++) {
      const c = colours[k] ?? 0;
      const at = next[c] ?? 0;
      order[at] = kept[k] ?? 0;
      next[c] = at + 1;
    }
    return { order, starts };
  }
}

export function paintOrder(layout: PointLayout, colourCount: number): PaintOrder {
  const builder = new PaintOrderBuilder(layout, colourCount);
  builder.add(0, layout.visible.length);
  return builder.finish();
}
