import { expect, test } from 'vitest';
import { failureMessage } from './failure-message.js';

test('joins what failed, why, and what to do as sentences', () => {
  expect(failureMessage('Could not save “A”', { code: 'internal', message: 'database is locked' })).toBe(
    'Could not save “A”. database is locked. Try again; if it keeps failing, restart Paydown.',
  );
  expect(failureMessage('Could not save “A”.', { code: 'io-error', message: 'Disk full.' })).toBe('Could not save “A”. Disk full.');
  expect(failureMessage('', { code: 'db-too-new', message: 'Saved by a newer Paydown.' })).toBe('Saved by a newer Paydown.');
});
