/**
 * A trajectory of a 2D optimizer run, as the plots take it: the iterates x_0, x_1, ... either as a list of
 * points (`[[x, y], ...]` or `Float64Array`s, what a run records) or as one flat array `[x0, y0, x1, y1, ...]`.
 */
export interface Trajectory {
  /** The legend entry, e.g. "Adam, lr 0.1". */
  name: string;
  points: ArrayLike<number>[] | Float64Array | number[];
  /** A colour; by default the course palette in order. */
  color?: string;
}

/** The x and y coordinates of a trajectory's points, as two Float64Arrays (checked: 2D, finite or not). */
export function trajectoryXY(t: Trajectory): { x: Float64Array; y: Float64Array } {
  const p = t.points as unknown;
  if (p === null || typeof p !== "object" || typeof (p as ArrayLike<unknown>).length !== "number") {
    throw new TypeError(`Invalid trajectory "${t.name}": points must be an array, got ${String(p)}`);
  }
  const arr = p as ArrayLike<unknown>;
  if (arr.length > 0 && typeof arr[0] === "number") {
    const flat = arr as ArrayLike<number>;
    if (flat.length % 2 !== 0) {
      throw new RangeError(
        `Invalid trajectory "${t.name}": a flat array of points needs an even length, got ${flat.length}`,
      );
    }
    const n = flat.length / 2;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = flat[2 * i];
      y[i] = flat[2 * i + 1];
    }
    return { x, y };
  }
  const pts = arr as ArrayLike<ArrayLike<number>>;
  const x = new Float64Array(pts.length);
  const y = new Float64Array(pts.length);
  for (let i = 0; i < pts.length; i++) {
    const q = pts[i];
    if (!q || q.length < 2) {
      throw new RangeError(
        `Invalid trajectory "${t.name}": point ${i} has ${q ? q.length : 0} coordinates, needs 2`,
      );
    }
    x[i] = q[0];
    y[i] = q[1];
  }
  return { x, y };
}

/** Indices 0 = i_0 < i_1 < ... < last of at most `max` evenly spaced points (all when n <= max). */
export function thinIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let k = 0; k < max; k++) out.push(Math.round((k * (n - 1)) / (max - 1)));
  return out;
}
