/** A small seeded PRNG (mulberry32) so random tests replay exactly from a printed seed. */
export function createRandom(seed: number): { next(): number; int(max: number): number; pick<T>(list: readonly T[]): T } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (max) => Math.floor(next() * max), pick: (list) => list[Math.floor(next() * list.length)] };
}
