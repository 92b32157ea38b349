import { checkOptionKeys, checkUnitInterval } from "../core/validate";
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
import { detMath } from "../core/detMath";

export interface EmaFigureOptions extends FigureOptions {
  /** The decay rates ρ drawn, one line each (default [0.9]). */
  rhos?: number[];
  /**
   * "zero" (default): V_0 = 0, the deep-learning convention (Adam's moments); "first": V_1 = s_1, the
   * slides' table.
   */
  start?: "zero" | "first";
  /** Divide by 1 - ρ^t (Adam's bias correction; only with start "zero"). Default false. */
  biasCorrection?: boolean;
  /** x values of the data (default 1, 2, ..., n: t counts from 1 as in the slides). */
  x?: ArrayLike<number>;
}

/**
 * Data points and their exponential moving averages V_t = ρ V_{t-1} + (1 - ρ) s_t for one or several ρ.
 *
 * $$\begin{aligned}
 * V_t &= \rho V_{t-1} + (1 - \rho) s_t \\
 * \hat V_t &= V_t / (1 - \rho^t) \quad \text{(biasCorrection)}
 * \end{aligned}$$
 * @example
 * emaFigure([1, 2, 3, 2, 5], { rhos: [0.5], start: "first" }); // EMA 1, 1.5, 2.25, 2.125, 3.5625
 */
export function emaFigure(data: ArrayLike<number>, options: EmaFigureOptions = {}): Figure {
  checkOptionKeys("emaFigure", options, {
    rhos: true,
    start: true,
    biasCorrection: true,
    x: true,
    title: true,
    height: true,
    width: true,
  });
  checkSeries("data", data);
  const rhos = options.rhos ?? [0.9];
  const n = data.length;
  const x = options.x ? plain(options.x) : Array.from({ length: n }, (_, i) => i + 1);
  const traces: Trace[] = [
    {
      type: "scatter",
      mode: "markers",
      name: "data s_t",
      x,
      y: plain(data),
      marker: { color: "#79706E", size: 6, opacity: 0.7 },
    },
  ];
  rhos.forEach((rho, k) => {
    checkUnitInterval(`rho value at index ${k}`, rho);
    const v = new Float64Array(n);
    let prev = 0;
    for (let t = 0; t < n; t++) {
      prev = t === 0 && options.start === "first" ? data[0] : rho * prev + (1 - rho) * data[t];
      v[t] =
        options.biasCorrection && options.start !== "first" ? prev / (1 - detMath.pow(rho, t + 1)) : prev;
    }
    traces.push({
      type: "scatter",
      mode: "lines",
      name: `EMA ρ = ${rho}${options.biasCorrection ? " (bias-corrected)" : ""}`,
      x,
      y: plain(v),
      line: { color: courseColor(k), width: 2.5 },
    });
  });
  return {
    data: traces,
    layout: baseLayout(options, {
      xaxis: axis({ title: { text: "t" } }),
      yaxis: axis({ title: { text: "value" } }),
    }),
  };
}
