import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KINDS, STATUSES } from '../domain/debt-item.js';
import { fromBase64, toBase64 } from './base64.js';
import { codeTexts, encodeMatrixColumns, encodeNumbers, readMatrixData } from './matrix-codec.js';
import type { MatrixColumns, MatrixData } from './matrix-data.js';

interface Row {
  id: string;
  title: string;
  kind: number;
  status: number;
  likelihood: number;
  impact: number;
  effort: [number, number, number];
  interest: number;
  version: number;
  notEstimated: boolean;
  dueDate: string | null;
  outcome: string | null;
}

const amount = fc.oneof(fc.integer({ min: 0, max: 70_000 }), fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constant(0.1));
const arbRow: fc.Arbitrary<Row> = fc.record({
  id: fc.uuid(),
  title: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('a\nb', 'x, y', 'Zoë ✓ 𝔘𝔫𝔦', '')),
  kind: fc.integer({ min: 0, max: KINDS.length - 1 }),
  status: fc.integer({ min: 0, max: STATUSES.length - 1 }),
  likelihood: fc.integer({ min: 1, max: 5 }),
  impact: fc.integer({ min: 1, max: 5 }),
  effort: fc.tuple(amount, amount, amount),
  interest: amount,
  version: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 2 ** 40 })),
  notEstimated: fc.boolean(),
  dueDate: fc.option(fc.constantFrom('2026-12-01', '2027-01-15', '2027-06-30')),
  outcome: fc.option(fc.string({ maxLength: 12 })),
});

function columnsOfRows(rows: readonly Row[]): MatrixColumns {
  const numbers = (of: (r: Row) => number) => Float64Array.from(rows, of);
  return {
    count: rows.length,
    id: rows.map((r) => r.id),
    title: rows.map((r) => r.title),
    kind: Uint8Array.from(rows, (r) => r.kind),
    status: Uint8Array.from(rows, (r) => r.status),
    likelihood: numbers((r) => r.likelihood),
    impact: numbers((r) => r.impact),
    effortLow: numbers((r) => r.effort[0]),
    effortLikely: numbers((r) => r.effort[1]),
    effortHigh: numbers((r) => r.effort[2]),
    interest: numbers((r) => r.interest),
    version: numbers((r) => r.version),
    notEstimated: Uint8Array.from(rows, (r) => (r.notEstimated ? 1 : 0)),
    dueDate: codeTexts(rows.map((r) => r.dueDate)),
    outcome: codeTexts(rows.map((r) => r.outcome)),
  };
}

const envelope = (columns: MatrixData['columns']): MatrixData => ({
  columns,
  portfolioCount: 10,
  maxInterest: 3,
  scoring: { horizonSprints: 12, weights: { risk: 1, interest: 1, timeCriticality: 1, outcome: 1 } },
  sprintLengthDays: 14,
  unit: 'points',
  today: '2026-11-25',
  revision: 'r1',
});

/** Through JSON, as the preview host sends it (Electron's structured clone keeps at least as much). */
const overTheWire = (columns: MatrixColumns): unknown => JSON.parse(JSON.stringify(envelope(encodeMatrixColumns(columns))));

const sample = columnsOfRows([
  { id: '00000000-0000-4000-8000-000000000001', title: 'Flaky tests', kind: 2, status: 0, likelihood: 3, impact: 4, effort: [2, 3, 10], interest: 1, version: 1, notEstimated: false, dueDate: '2026-12-01', outcome: null },
  { id: '00000000-0000-4000-8000-000000000002', title: 'Old TLS', kind: 6, status: 1, likelihood: 5, impact: 5, effort: [0, 0, 0], interest: 4.5, version: 3, notEstimated: true, dueDate: null, outcome: 'uptime' },
]);

describe('base64', () => {
  it('encodes the RFC 4648 test vectors', () => {
    const vectors = { '': '', f: 'Zg==', fo: 'Zm8=', foo: 'Zm9v', foob: 'Zm9vYg==', fooba: 'Zm9vYmE=', foobar: 'Zm9vYmFy' };
    for (const [text, encoded] of Object.entries(vectors)) {
      const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
      expect(toBase64(bytes)).toBe(encoded);
      expect(fromBase64(encoded)).toEqual(bytes);
    }
    expect(toBase64(Uint8Array.from([0xfb, 0xff, 0xbf]))).toBe('+/+/');
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40_000 }), (bytes) => {
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses wrong lengths, foreign characters and misplaced padding', () => {
    for (const bad of ['A', 'AAA', 'AA!A', 'A=AA', 'AAAA=AAA', 'AAé=', '====']) expect(fromBase64(bad)).toBeNull();
  });
});

describe('the matrix columns on the wire', () => {
  it('decode to exactly the columns encoded, whatever the titles, ids and numbers', () => {
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 60 }), (rows) => {
        const columns = columnsOfRows(rows);
        const read = readMatrixData(overTheWire(columns));
        expect(read).toMatchObject({ ok: true, value: { ...envelope(encodeMatrixColumns(columns)), columns } });
        expect(read.ok && read.value.columns).toEqual(columns);
        // Enough lookups that the index answers both by scanning and from its map.
        for (const pass of [1, 2]) {
          columns.id.forEach((id) => {
            expect(read.ok && read.value.idIndex.get(id), `pass ${String(pass)}`).toBe(columns.id.indexOf(id));
          });
        }
        expect(read.ok && read.value.idIndex.has('not-an-id')).toBe(false);
      }),
    );
  });

  it('carry an empty portfolio', () => {
    const read = readMatrixData(overTheWire(columnsOfRows([])));
    expect(read.ok && read.value.columns.count).toBe(0);
    expect(read.ok && read.value.columns.id).toEqual([]);
  });

  it('send small integers and short decimals in one or two bytes, anything else as doubles', () => {
    const wire = encodeMatrixColumns(sample);
    expect(wire.likelihood).toMatchObject({ width: 'u8', scale: 1 });
    expect(wire.interest).toMatchObject({ width: 'u8', scale: 10 });
    expect(encodeNumbers([0.25, 13, 650.5])).toMatchObject({ width: 'u16', scale: 100 });
    expect(encodeNumbers([0.1 + 0.2, 1])).toMatchObject({ width: 'f64', scale: 1 });
    expect(encodeNumbers([2 ** 40])).toMatchObject({ width: 'f64', scale: 1 });
  });

  it('keep titles holding commas, newlines and any other character, which ids may not', () => {
    const odd = columnsOfRows([{ ...rowOf(sample, 0), title: 'a,\nb\u0000c\u001f' }]);
    const read = readMatrixData(overTheWire(odd));
    expect(read.ok && read.value.columns.title).toEqual(['a,\nb\u0000c\u001f']);
    expect(() => encodeMatrixColumns({ ...odd, id: ['a,b'] })).toThrow(/cannot be sent/);
  });
});

function rowOf(c: MatrixColumns, i: number): Row {
  return {
    id: c.id[i] ?? '',
    title: c.title[i] ?? '',
    kind: c.kind[i] ?? 0,
    status: c.status[i] ?? 0,
    likelihood: c.likelihood[i] ?? 1,
    impact: c.impact[i] ?? 1,
    effort: [c.effortLow[i] ?? 0, c.effortLikely[i] ?? 0, c.effortHigh[i] ?? 0],
    interest: c.interest[i] ?? 0,
    version: c.version[i] ?? 1,
    notEstimated: c.notEstimated[i] === 1,
    dueDate: null,
    outcome: null,
  };
}

describe('a damaged matrix answer', () => {
  const wire = encodeMatrixColumns(sample);
  const refusal = (columns: unknown) => {
    const read = readMatrixData({ ...envelope(wire), columns });
    return read.ok ? 'accepted' : read.error.message;
  };

  it('is refused when a column holds more or fewer values than the count', () => {
    expect(refusal({ ...wire, count: 5 })).toMatch(/likelihood\.data: holds 4 base64 characters, not the 8 of 5 values/);
    expect(refusal({ ...wire, count: 3 })).toMatch(/2 ids came for 3 items/);
    expect(refusal({ ...wire, interest: { ...wire.interest, data: wire.interest.data.slice(4) } })).toMatch(/interest\.data/);
    expect(refusal({ ...wire, ids: wire.ids.split(',')[0] })).toMatch(/ids/);
    expect(refusal({ ...wire, titleLengths: { width: 'u8', scale: 1, data: toBase64(Uint8Array.from([11, 99])) } })).toMatch(/title lengths add up to 110/);
  });

  it('is refused when a column is not base64', () => {
    const data = `${wire.effortHigh.data.slice(0, -4)}!!!!`;
    expect(refusal({ ...wire, effortHigh: { ...wire.effortHigh, data } })).toMatch(/effortHigh is not valid base64/);
  });

  it('is refused when a decoded value is out of range', () => {
    const bytes = (values: number[]) => ({ width: 'u8', scale: 1, data: toBase64(Uint8Array.from(values)) });
    expect(refusal({ ...wire, likelihood: bytes([3, 6]) })).toMatch(/likelihood of item 2 is 6/);
    expect(refusal({ ...wire, version: bytes([1, 0]) })).toMatch(/version of item 2 is 0/);
    expect(refusal({ ...wire, kind: { values: wire.kind.values, codes: bytes([2, 9]) } })).toMatch(/kind of item 2 is 9/);
    expect(refusal({ ...wire, outcome: { values: [], codes: bytes([0, 1]) } })).toMatch(/outcome of item 2 is 1/);
    expect(refusal({ ...wire, notEstimated: bytes([0, 2]) })).toMatch(/notEstimated of item 2 is 2, not 0 or 1/);
    const nan = new Float64Array([1, Number.NaN]);
    expect(refusal({ ...wire, interest: { width: 'f64', scale: 1, data: toBase64(new Uint8Array(nan.buffer)) } })).toMatch(/interest of item 2 is NaN/);
  });

  it('is refused with the field named when its shape is wrong', () => {
    expect(refusal({ ...wire, kind: { values: ['nonsense'], codes: wire.kind.codes } })).toMatch(/kind\.values/);
    expect(refusal(null)).toMatch(/columns/);
  });
});
