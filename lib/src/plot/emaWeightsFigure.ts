import { checkInteger, checkOptionKeys, checkUnitInterval } from "../core/validate";
import { axis, baseLayout, courseColor, plain, range, type Figure, type FigureOptions } from "./figure";
import { detMath } from "../core/detMath";

export interface EmaWeightsOptions extends FigureOptions {
  /** Lags k = 0 .. lags - 1 drawn (default 30). */
  lags?: number;
}

/**
 * The weight (1 - ρ) ρ^k an EMA gives the value k steps back, as bars, one colour per ρ: the weights
 * decay geometrically and sum to 1 over all lags (about 1/(1 - ρ) steps carry most of it).
 * @example
 * emaWeightsFigure([0.5, 0.9], { lags: 20 }); // lag 0: 0.5 and 0.1
 */
export function emaWeightsFigure(rhos: number | number[], options: EmaWeightsOptions = {}): Figure {
  checkOptionKeys("emaWeightsFigure", options, {
    lags: true,
    title: true,
    height: true,
    width: true,
  });
  const list = Array.isArray(rhos) ? rhos : [rhos];
  const lags = options.lags ?? 30;
  checkInteger("number of lags", lags, 1);
  const data = list.map((rho, k) => {
    checkUnitInterval(`rho value at index ${k}`, rho);
    const w = new Float64Array(lags);
    for (let i = 0; i < lags; i++) w[i] = (1 - rho) * detMath.pow(rho, i);
    return {
      type: "bar",
      name: `ρ = ${rho}`,
      x: range(lags),
      y: plain(w),
      marker: { color: courseColor(k) },
      hovertemplate: `ρ = ${rho}<br>lag %{x}: weight %{y:.4g}<extra></extra>`,
    };
  });
  return {
    data,
    layout: baseLayout(
      { ...options, height: options.height ?? 340 },
      {
        barmode: "group",
        bargap: 0.15,
        xaxis: axis({ title: { text: "lag k (steps back)" } }),
        yaxis: axis({ title: { text: "weight (1 − ρ) ρ^k" } }),
      },
    ),
  };
}
