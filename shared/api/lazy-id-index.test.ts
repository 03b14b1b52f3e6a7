import { describe, expect, it } from 'vitest';
import { LazyIdIndex } from './matrix-data.js';

describe('LazyIdIndex', () => {
  it('answers the same indexes before and after it builds its map, the first one for a repeated id', () => {
    const ids = ['a', 'b', 'c', 'b', 'd'];
    const index = new LazyIdIndex(ids);
    const asked = ['b', 'x', 'a', 'd', 'c', 'b', 'x', 'a', 'd', 'c', 'b', 'x'];
    expect(asked.map((id) => index.get(id))).toEqual([1, undefined, 0, 4, 2, 1, undefined, 0, 4, 2, 1, undefined]);
    expect(index.has('d')).toBe(true);
    expect(index.has('e')).toBe(false);
  });

  it('answers from a map built in slices, the same as by scanning', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `id-${String(i % 700)}`);
    const index = new LazyIdIndex(ids);
    for (let end = 0; !index.complete; end += 128) index.indexUpTo(end);
    for (let k = 0; k < 40; k++) expect(index.get(`id-${String(k * 17)}`)).toBe(ids.indexOf(`id-${String(k * 17)}`));
    expect(index.get('id-999')).toBeUndefined();
  });

  it('finds nothing in no ids', () => {
    expect(new LazyIdIndex([]).get('a')).toBeUndefined();
  });
});
