import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'e2e/perf/**/*.test.ts', 'eslint-rules/**/*.test.mjs'],
    environment: 'node',
    // better-sqlite3 is a native addon; separate processes keep each test file's handles apart.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
