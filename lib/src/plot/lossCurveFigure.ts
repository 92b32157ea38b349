import { checkInteger, checkOptionKeys } from "../core/validate";
import {
  axis,
  baseLayout,
  checkSeries,
  courseColor,
  plain,
  type Figure,
  type FigureOptions,
  type Trace,
} from "./figure";
import { downsampleMinMax } from "./downsampleMinMax";

/** One named curve: y against x (default 0, 1, 2, ...). */
export interface Series {
  name: string;
  y: ArrayLike<number>;
  x?: ArrayLike<number>;
  color?: string;
}

export interface LossCurveOptions extends FigureOptions {
  /** Logarithmic y axis (default false). */
  log?: boolean;
  /** Logarithmic x axis (default false). */
  logX?: boolean;
  xTitle?: string;
  yTitle?: string;
  /** Longer curves are downsampled (min/max per bucket) to about this many points (default 4000). */
  maxPoints?: number;
  /** Draw markers too (default: only for curves of at most 60 points). */
  markers?: boolean;
}

/** `{ name: values }` or a list of Series, as a list of Series. */
export function toSeries(input: Record<string, ArrayLike<number>> | Series[]): Series[] {
  if (Array.isArray(input)) return input;
  if (input === null || typeof input !== "object") throw new TypeError(`Invalid series: ${String(input)}`);
  return Object.entries(input).map(([name, y]) => ({ name, y }));
}

/** Line traces of several series, downsampled when long, coloured from the palette. */
export function seriesTraces(series: Series[], options: LossCurveOptions): Trace[] {
  const maxPoints = options.maxPoints ?? 4000;
  checkInteger("maxPoints", maxPoints, 4);
  return series.map((s, k) => {
    checkSeries(`series "${s.name}"`, s.y);
    const x = s.x ?? Float64Array.from({ length: s.y.length }, (_, i) => i);
    const d = s.y.length > maxPoints ? downsampleMinMax(x, s.y, Math.floor(maxPoints / 2)) : { x, y: s.y };
    const markers = options.markers ?? s.y.length <= 60;
    return {
      type: "scatter",
      mode: markers ? "lines+markers" : "lines",
      name: s.name,
      x: plain(d.x),
      y: plain(d.y),
      line: { color: s.color ?? courseColor(k), width: 2 },
      ...(markers ? { marker: { size: 5 } } : {}),
    };
  });
}

/**
 * Loss curves (or any per-step quantity) of several runs, linear or log y, one legend entry each.
 * Curves longer than `maxPoints` are downsampled by min/max per bucket.
 * @example
 * lossCurveFigure({ SGD: sgd.losses, Adam: adam.losses }, { log: true, title: "Rosenbrock" });
 */
export function lossCurveFigure(
  series: Record<string, ArrayLike<number>> | Series[],
  options: LossCurveOptions = {},
): Figure {
  checkOptionKeys("lossCurveFigure", options, {
    log: true,
    logX: true,
    xTitle: true,
    yTitle: true,
    maxPoints: true,
    markers: true,
    title: true,
    height: true,
    width: true,
  });
  const list = toSeries(series);
  if (list.length === 0) throw new RangeError("Invalid series: lossCurveFigure needs at least one");
  return {
    data: seriesTraces(list, options),
    layout: baseLayout(options, {
      xaxis: axis({
        title: { text: options.xTitle ?? "step" },
        type: options.logX ? "log" : "linear",
        ...(options.logX ? { exponentformat: "power" } : {}),
      }),
      yaxis: axis({
        title: { text: options.yTitle ?? "loss" },
        type: options.log ? "log" : "linear",
        exponentformat: "power",
      }),
    }),
  };
}
