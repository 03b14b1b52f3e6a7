/** A function that remembers its last call; `seed` records an answer the caller already knows. */
export interface MemoLast<A extends readonly unknown[], R> {
  (...args: A): R;
  /**
   * Records `result` as the answer for `args`, so the next call with them returns it without computing: for
   * a caller that has just produced the answer itself (the indexes a box picked, whose ids became the selection).
   */
  seed(args: A, result: R): void;
}

/** Remembers the last call: recomputes only when an argument changes identity, so selectors stay stable. */
export function memoLast<A extends readonly unknown[], R>(fn: (...args: A) => R): MemoLast<A, R> {
  let last: { args: A; result: R } | null = null;
  const memo = (...args: A): R => {
    if (last !== null && last.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i]))) return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
  return Object.assign(memo, {
    seed(args: A, result: R) {
      last = { args, result };
    },
  });
}
