import { checkOptionKeys } from "../core/validate";
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
import { thinIndices } from "./trajectoryXY";

export interface EffectiveLrOptions extends FigureOptions {
  /** Names of the coordinates (default x₁, x₂, ...). */
  names?: string[];
  /** Logarithmic y axis (default true: effective rates span orders of magnitude). */
  log?: boolean;
  /** At most this many coordinates drawn, evenly chosen (default 12). */
  maxLines?: number;
  /** At most this many steps drawn per line, evenly chosen (default 2000). */
  maxSteps?: number;
}

/**
 * Per-coordinate effective learning rates, e.g. Adagrad's lr / (√G_t + ε) or Adam's lr / (√v̂_t + ε).
 * Given a history (one vector per step), one line per coordinate against the step; given one vector, one
 * bar per coordinate.
 * @example
 * effectiveLrFigure([[0.5, 0.05], [0.35, 0.03], [0.29, 0.025]]); // two lines, log y
 */
export function effectiveLrFigure(
  rates: ArrayLike<number>[] | Float64Array | number[],
  options: EffectiveLrOptions = {},
): Figure {
  checkOptionKeys("effectiveLrFigure", options, {
    names: true,
    log: true,
    maxLines: true,
    maxSteps: true,
    title: true,
    height: true,
    width: true,
  });
  checkSeries("effective learning rates", rates as ArrayLike<unknown> as ArrayLike<number>);
  const log = options.log ?? true;
  const name = (i: number) =>
    options.names?.[i] ?? `x${String(i + 1).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[+d])}`;
  const yaxis = axis({
    title: { text: "effective learning rate" },
    type: log ? "log" : "linear",
    exponentformat: "power",
  });
  if (typeof (rates as ArrayLike<unknown>)[0] === "number") {
    const v = rates as ArrayLike<number>;
    const names = Array.from({ length: v.length }, (_, i) => name(i));
    return {
      data: [{ type: "bar", name: "effective lr", x: names, y: plain(v), marker: { color: courseColor(0) } }],
      layout: baseLayout(options, { xaxis: axis({ title: { text: "coordinate" } }), yaxis }),
    };
  }
  const history = rates as ArrayLike<number>[];
  const dim = history[0].length;
  for (let t = 0; t < history.length; t++) {
    if (history[t].length !== dim) {
      throw new RangeError(
        `Invalid effective learning rates: step ${t} has ${history[t].length} coordinates, step 0 has ${dim}`,
      );
    }
  }
  const coords = thinIndices(dim, options.maxLines ?? 12);
  const steps = thinIndices(history.length, options.maxSteps ?? 2000);
  const data: Trace[] = coords.map((i, k) => {
    const y = new Float64Array(steps.length);
    for (let s = 0; s < steps.length; s++) y[s] = history[steps[s]][i];
    return {
      type: "scatter",
      mode: "lines",
      name: name(i),
      x: steps,
      y: plain(y),
      line: { color: courseColor(k), width: 2 },
      hovertemplate: `${name(i)}<br>step %{x}: %{y:.4g}<extra></extra>`,
    };
  });
  return { data, layout: baseLayout(options, { xaxis: axis({ title: { text: "step" } }), yaxis }) };
}
