import { UsageError } from './cli-errors.js';

// Decimal notation only: Number() alone would accept '', ' ', '0x10', 'Infinity' and '1e3 '.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parses a number written in decimal, refusing `3x`, empty text, `NaN` and `Infinity`. */
export function parseNumber(option: string, text: string): number {
  const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) throw new UsageError(`${option} needs a number, not "${text}".`);
  return value;
}

export interface EffortInput {
  low: number;
  likely: number;
  high: number;
}

/** `--effort 3` is one estimate for all three points; `--effort 1,3,8` is low, likely, high. */
export function parseEffort(option: string, text: string): EffortInput {
  const parts = text.split(',').map((part) => part.trim());
  const numbers = parts.map((part) => parseNumber(option, part));
  const [low, likely, high] = numbers;
  if (numbers.length === 1 && low !== undefined) return { low, likely: low, high: low };
  if (numbers.length === 3 && low !== undefined && likely !== undefined && high !== undefined) return { low, likely, high };
  throw new UsageError(`${option} takes one number or three (LOW,LIKELY,HIGH), not ${String(numbers.length)}: "${text}".`);
}

export function parsePort(option: string, text: string): number {
  const port = parseNumber(option, text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`${option} needs a whole number from 0 to 65535 (0 picks a free port), not "${text}".`);
  }
  return port;
}
