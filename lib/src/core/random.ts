import { detMath } from "./detMath";

/**
 * A seeded pseudo-random number generator: every random draw in the library comes from one of these,
 * so a run with the same seed gives the same numbers on every machine.
 *
 * The generator is Mulberry32 (32-bit state, period 2^32), with the seed mixed by SplitMix32 first so
 * that nearby seeds give unrelated streams.
 *
 * @example
 * const rng = seeded(42);
 * rng.uniform(); //=> a number in [0, 1), the same one for seed 42 every time
 */
export interface Rng {
  /** A uniform number in [0, 1). */
  uniform(): number;
  /** A standard normal number (Box-Muller, one value per call, the pair's second value cached). */
  normal(): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
}

/** Returns a generator seeded with `seed` (any finite number; its 32 low bits are used). */
export function seeded(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`Invalid seed: ${seed}`);
  let s = splitmix32(seed >>> 0);
  let spare = NaN;
  const uniform = (): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    normal() {
      if (!Number.isNaN(spare)) {
        const v = spare;
        spare = NaN;
        return v;
      }
      let u = 0;
      while (u === 0) u = uniform();
      const v = uniform();
      const r = Math.sqrt(-2 * detMath.log(u));
      spare = r * detMath.sin(2 * Math.PI * v);
      return r * detMath.cos(2 * Math.PI * v);
    },
    int(n: number) {
      return Math.floor(uniform() * n);
    },
  };
}

function splitmix32(a: number): number {
  a = (a + 0x9e3779b9) | 0;
  let z = a;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/** Fills `out` with N(mean, std^2) draws from `rng` and returns it. */
export function randn(rng: Rng, out: Float64Array, mean = 0, std = 1): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = mean + std * rng.normal();
  return out;
}

/** Shuffles `a` in place (Fisher-Yates) with `rng` and returns it. */
export function shuffle<T extends { length: number; [i: number]: number }>(rng: Rng, a: T): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}
