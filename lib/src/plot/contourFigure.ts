import type { TestFunction } from "../core/types";
import { checkInteger, checkOptionKeys } from "../core/validate";
import {
  axis,
  baseLayout,
  courseColor,
  plain,
  round,
  type Figure,
  type FigureOptions,
  type Trace,
} from "./figure";
import { gridEvaluate, type Grid } from "./gridEvaluate";
import { thinIndices, trajectoryXY, type Trajectory } from "./trajectoryXY";
import { detMath } from "../core/detMath";

/** Options of contourFigure (and of the figures built on it: animation, slider, surface). */
export interface ContourOptions extends FigureOptions {
  /** Trajectories to draw, one legend entry each. */
  trajectories?: Trajectory[];
  /** The box [[xmin, xmax], [ymin, ymax]]; default `fn.domain`. */
  domain?: [number, number][];
  /** Grid points per axis (default 121: smooth contours, small notebook). */
  resolution?: number;
  /**
   * "log" draws log10(f - min f + delta) (valleys such as Rosenbrock's become visible), "linear" draws f;
   * "auto" (default) picks log when the median of f - min f over the box is under 1/15 of its range.
   */
  zScale?: "auto" | "log" | "linear";
  /** Number of contour levels (default 20). */
  levels?: number;
  /** Points to mark as minima; default `fn.minima`. */
  minima?: number[][];
  /** At most this many points drawn per trajectory (evenly thinned; default 1000). */
  maxPoints?: number;
  /** Show a colour bar (default false). */
  colorbar?: boolean;
}

/** The keys of {@link ContourOptions}, for the figures that take them (checked against it by the compiler). */
export const CONTOUR_OPTION_KEYS: Record<keyof ContourOptions, true> = {
  trajectories: true,
  domain: true,
  resolution: true,
  zScale: true,
  levels: true,
  minima: true,
  maxPoints: true,
  colorbar: true,
  title: true,
  height: true,
  width: true,
};

/** The function values as drawn (maybe on a log scale) and the map from f to the drawn value. */
export interface ZScaled {
  z: Float64Array;
  log: boolean;
  transform: (v: number) => number;
  label: string;
}

/** Applies ContourOptions.zScale to a grid's values. */
export function scaleZ(grid: Grid, zScale: "auto" | "log" | "linear" = "auto"): ZScaled {
  const z = grid.z;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) {
    const v = z[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const spread = max - min;
  let log = zScale === "log";
  if (zScale === "auto" && spread > 0 && Number.isFinite(spread)) {
    const sorted = Float64Array.from(z).sort();
    const median = sorted[sorted.length >> 1] - min;
    log = median < spread / 15;
  }
  if (!log) return { z, log, transform: (v) => v, label: "f" };
  const delta = Math.max(spread * 1e-4, 1e-12);
  const transform = (v: number) => detMath.log10(Math.max(v - min, 0) + delta);
  const out = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) out[i] = transform(z[i]);
  return { z: out, log, transform, label: "log10(f − min f)" };
}

/** Rows of a grid as nested plain arrays (plotly's z layout: z[j][i] at (x[i], y[j])). */
export function gridRows(z: Float64Array, nx: number, ny: number): (number | null)[][] {
  const rows: (number | null)[][] = [];
  for (let j = 0; j < ny; j++) rows.push(plain(z.subarray(j * nx, (j + 1) * nx), 5));
  return rows;
}

export const CONTOUR_COLORSCALE: [number, string][] = [
  [0, "#cbd5e1"],
  [0.5, "#e7ecf2"],
  [1, "#fcfdfe"],
];

/** The box to draw: options.domain, fn.domain, or an error naming the function. */
export function plotDomain(fn: { name: string; domain?: [number, number][] }, domain?: [number, number][]) {
  const d = domain ?? fn.domain;
  if (!d || d.length < 2) {
    throw new RangeError(`No plotting domain for ${fn.name}: pass domain: [[xmin, xmax], [ymin, ymax]]`);
  }
  return d;
}

/** The filled contour trace of `fn` (grid evaluated in lib). */
export function contourTrace(
  fn: TestFunction,
  options: ContourOptions = {},
): { trace: Trace; scaled: ZScaled } {
  const domain = plotDomain(fn, options.domain);
  const n = options.resolution ?? 121;
  checkInteger("resolution", n, 2);
  const grid = gridEvaluate(fn, domain, n, n);
  const scaled = scaleZ(grid, options.zScale);
  const trace: Trace = {
    type: "contour",
    name: fn.name,
    x: plain(grid.x),
    y: plain(grid.y),
    z: gridRows(scaled.z, n, n),
    ncontours: options.levels ?? 20,
    colorscale: CONTOUR_COLORSCALE,
    contours: { coloring: "fill", showlines: true },
    line: { color: "#9aa7b5", width: 0.6 },
    showscale: options.colorbar ?? false,
    colorbar: { title: { text: scaled.label }, thickness: 12 },
    hovertemplate: `x=%{x:.3g}<br>y=%{y:.3g}<br>${scaled.label}=%{z:.3g}<extra></extra>`,
    showlegend: false,
  };
  return { trace, scaled };
}

/** One line-with-markers trace per trajectory, coloured from the palette (or t.color), thinned. */
export function trajectoryTraces(trajectories: Trajectory[], maxPoints = 1000, colorOffset = 0): Trace[] {
  return trajectories.map((t, k) => {
    const { x, y } = trajectoryXY(t);
    const idx = thinIndices(x.length, maxPoints);
    return {
      type: "scatter",
      // Markers show the individual steps of short runs; long runs read better as lines.
      mode: idx.length <= 80 ? "lines+markers" : "lines",
      name: t.name,
      x: idx.map((i) => round(x[i])),
      y: idx.map((i) => round(y[i])),
      customdata: idx,
      line: { color: t.color ?? courseColor(k + colorOffset), width: 2 },
      marker: { size: 4 },
      hovertemplate: `${t.name}<br>step %{customdata}<br>(%{x:.4g}, %{y:.4g})<extra></extra>`,
    };
  });
}

/** Start points (open circles) of the trajectories and the minima (stars), as two traces. */
export function markerTraces(trajectories: Trajectory[], minima: number[][] | undefined): Trace[] {
  const out: Trace[] = [];
  if (trajectories.length > 0) {
    const starts = trajectories.map((t) => trajectoryXY(t)).filter((p) => p.x.length > 0);
    out.push({
      type: "scatter",
      mode: "markers",
      name: "start",
      x: starts.map((p) => round(p.x[0])),
      y: starts.map((p) => round(p.y[0])),
      marker: { symbol: "circle-open", size: 11, color: "#222", line: { width: 2 } },
      hovertemplate: "start (%{x:.4g}, %{y:.4g})<extra></extra>",
    });
  }
  if (minima && minima.length > 0) {
    out.push({
      type: "scatter",
      mode: "markers",
      name: minima.length > 1 ? "minima" : "minimum",
      x: minima.map((m) => round(m[0])),
      y: minima.map((m) => round(m[1])),
      marker: { symbol: "star", size: 13, color: "#222" },
      hovertemplate: "minimum (%{x:.4g}, %{y:.4g})<extra></extra>",
    });
  }
  return out;
}

/** The layout of a contour plot: equal axis scaling, axes fixed to the domain, legend on top. */
export function contourLayout(fn: TestFunction, options: ContourOptions) {
  const [[x0, x1], [y0, y1]] = plotDomain(fn, options.domain);
  return baseLayout(
    { ...options, height: options.height ?? 480 },
    {
      xaxis: axis({ title: { text: "x₁" }, range: [x0, x1], constrain: "domain", showgrid: false }),
      yaxis: axis({
        title: { text: "x₂" },
        range: [y0, y1],
        scaleanchor: "x",
        scaleratio: 1,
        constrain: "domain",
        showgrid: false,
      }),
      legend: { orientation: "h", x: 0, y: 1.02, yanchor: "bottom" },
      margin: { l: 60, r: 20, t: options.title ? 90 : 40, b: 50 },
    },
  );
}

/**
 * A 2D contour plot of a test function with optimizer trajectories on it (one legend entry each), start
 * points and minima marked, equal axis scaling, the function sampled on a `resolution`² grid.
 * @example
 * const fig = contourFigure(rosenbrock, { trajectories: [{ name: "Adam", points: run.xs }] });
 * show(fig);
 */
export function contourFigure(fn: TestFunction, options: ContourOptions = {}): Figure {
  checkOptionKeys("contourFigure", options, CONTOUR_OPTION_KEYS);
  const trajectories = options.trajectories ?? [];
  const { trace } = contourTrace(fn, options);
  const data: Trace[] = [
    trace,
    ...trajectoryTraces(trajectories, options.maxPoints ?? 1000),
    ...markerTraces(trajectories, options.minima ?? fn.minima),
  ];
  return { data, layout: contourLayout(fn, options) };
}
