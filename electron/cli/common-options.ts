/** Options every command that reads a portfolio accepts. */
export const DB_OPTION = { db: { type: 'string' } } as const;
