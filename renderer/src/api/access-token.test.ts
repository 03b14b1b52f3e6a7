import { describe, expect, test } from 'vitest';
import { resolveAccessToken, tokenFromHash, type TokenStorage } from './access-token.js';

function memoryStorage(initial: Record<string, string> = {}): TokenStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
  };
}

describe('tokenFromHash', () => {
  test('reads the token from the fragment', () => {
    expect(tokenFromHash('#token=abc123')).toBe('abc123');
    expect(tokenFromHash('#view=list&token=a%2Bb')).toBe('a+b');
  });

  test('answers null when there is no usable token', () => {
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
    expect(tokenFromHash('#other=1')).toBeNull();
  });
});

describe('resolveAccessToken', () => {
  test('remembers a token from the URL for later navigation', () => {
    const storage = memoryStorage();
    expect(resolveAccessToken('#token=first', storage)).toBe('first');
    expect(resolveAccessToken('', storage)).toBe('first');
  });

  test('prefers a new token in the URL over the remembered one', () => {
    const storage = memoryStorage({ 'paydown.previewToken': 'old' });
    expect(resolveAccessToken('#token=new', storage)).toBe('new');
    expect(Object.values(storage.data)).toEqual(['new']);
  });

  test('works without storage and falls back to an empty token', () => {
    expect(resolveAccessToken('#token=x', null)).toBe('x');
    expect(resolveAccessToken('', null)).toBe('');
  });
});
