/**
 * Structural equality for JSON-like data (items as the host returns them). Keys holding undefined
 * count as absent, and key order is ignored: the host and the form build objects in different orders.
 */
export function plainEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => plainEqual(v, b[i]));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (!plainEqual(Reflect.get(a, key), Reflect.get(b, key))) return false;
  }
  return true;
}
