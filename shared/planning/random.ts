/**
 * Seeded randomness for forecasts: the seed is a parameter, so a forecast can be reproduced exactly and
 * the maths stays pure (no Math.random).
 */

/** Uniform numbers in [0, 1). */
export type Random = () => number;

/** splitmix32: spreads a small seed (1, 2, 3…) over 32 bits so nearby seeds give unrelated streams. */
function splitmix32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counter): passes PractRand, has a period of at least 2^32, and
 * needs only 32-bit integer steps, which keep it fast in JavaScript. Seeds are taken modulo 2^32.
 */
export function createRandom(seed: number): Random {
  const mix = splitmix32(seed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next: Random = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs still echo the seed words; the reference implementation discards them too.
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A uniformly chosen index below `n`. */
export const randomIndex = (random: Random, n: number): number => Math.floor(random() * n);

/** Normally distributed (Box–Muller); for generating test and benchmark histories. */
export function normal(random: Random, mean: number, sd: number): number {
  const u = 1 - random(); // in (0, 1], so the logarithm is finite
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
