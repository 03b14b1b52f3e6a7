import { describe, expect, it } from 'vitest';
import { lineColumnAt, own, parseJsonDocuments } from './json-values.js';

describe('parseJsonDocuments', () => {
  it('parses one document, or several one after another', () => {
    expect(parseJsonDocuments('[1, 2]')).toEqual({ documents: [[1, 2]] });
    expect(parseJsonDocuments('[1]\n[2] {"a": "}{"}')).toEqual({ documents: [[1], [2], { a: '}{' }] });
  });

  it('names the line and column of a syntax error', () => {
    const result = parseJsonDocuments('[\n  {"a": 1,}\n]');
    expect(result).toEqual({ error: { line: 2, message: expect.stringMatching(/^The file is not valid JSON at line 2, column 11: /) as unknown } });
    expect(parseJsonDocuments('[1] oops')).toMatchObject({ error: { line: 1 } });
  });
});

describe('own', () => {
  it('reads only own keys, never the prototype chain', () => {
    const parsed = JSON.parse('{"__proto__": {"x": 1}, "title": "t"}') as Record<string, unknown>;
    expect(own(parsed, 'title')).toBe('t');
    expect(own(parsed, 'constructor')).toBeUndefined();
    expect(own(parsed, 'toString')).toBeUndefined();
    expect(own(parsed, '__proto__')).toEqual({ x: 1 });
  });

  it('lineColumnAt counts from 1', () => {
    expect(lineColumnAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
