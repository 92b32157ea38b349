import { checkInteger, checkOptionKeys } from "../core/validate";
import {
  axis,
  baseLayout,
  checkSeries,
  courseColor,
  namedSeries,
  round,
  type Figure,
  type FigureOptions,
} from "./figure";
import { detMath } from "../core/detMath";

export interface AccumulatorHistogramOptions extends FigureOptions {
  /** Number of bins (default 40), shared by all layers. */
  bins?: number;
  /** Bin log10 of the values (default true: accumulators span orders of magnitude; values <= 0 are skipped). */
  log?: boolean;
}

/**
 * Histograms of an optimizer's per-parameter state, one overlaid colour per layer: e.g. Adagrad's
 * accumulators G (sum of squared gradients) of each layer of the MLP. Counts are computed in lib (typed
 * loops), so a million parameters cost 40 bars per layer in the notebook.
 * @example
 * accumulatorHistogramFigure({ "layer 1": state.sum.subarray(0, 7840), "layer 2": state.sum.subarray(7840) });
 */
export function accumulatorHistogramFigure(
  layers: Record<string, ArrayLike<number>> | { name: string; values: ArrayLike<number> }[],
  options: AccumulatorHistogramOptions = {},
): Figure {
  checkOptionKeys("accumulatorHistogramFigure", options, {
    bins: true,
    log: true,
    title: true,
    height: true,
    width: true,
  });
  const list = namedSeries(layers);
  if (list.length === 0)
    throw new RangeError("Invalid layers: accumulatorHistogramFigure needs at least one");
  const bins = options.bins ?? 40;
  checkInteger("number of bins", bins, 1);
  const log = options.log ?? true;
  const tx = (v: number) => (log ? (v > 0 ? detMath.log10(v) : NaN) : v);
  let lo = Infinity;
  let hi = -Infinity;
  for (const { name, values } of list) {
    checkSeries(`values of layer "${name}"`, values);
    for (let i = 0; i < values.length; i++) {
      const v = tx(values[i]);
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  if (!(hi >= lo))
    throw new RangeError("Invalid layers: no finite" + (log ? " positive" : "") + " values to bin");
  if (hi === lo) {
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / bins;
  const centers = Array.from({ length: bins }, (_, b) => round(lo + (b + 0.5) * width));
  const data = list.map(({ name, values }, k) => {
    const counts = new Float64Array(bins);
    for (let i = 0; i < values.length; i++) {
      const v = tx(values[i]);
      if (Number.isFinite(v)) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
    }
    return {
      type: "bar",
      name,
      x: centers,
      y: Array.from(counts),
      width: round(width),
      marker: { color: courseColor(k), line: { width: 0 } },
      opacity: list.length > 1 ? 0.6 : 0.9,
      hovertemplate: `${name}<br>${log ? "log10 value" : "value"} ≈ %{x:.3g}: %{y} parameters<extra></extra>`,
    };
  });
  return {
    data,
    layout: baseLayout(options, {
      barmode: "overlay",
      xaxis: axis({ title: { text: log ? "log10(value)" : "value" } }),
      yaxis: axis({ title: { text: "parameters" } }),
    }),
  };
}
