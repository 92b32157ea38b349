import { checkOptionKeys } from "../core/validate";
import type { TestFunction } from "../core/types";
import {
  axis,
  baseLayout,
  courseColor,
  panelTitle,
  round,
  type Figure,
  type FigureOptions,
  type Trace,
} from "./figure";
import { thinIndices } from "./trajectoryXY";

/** One panel of functionStepsFigure: a run of a 1D method, drawn on the function. */
export interface StepPanel {
  /** The panel's title, e.g. "lr = 0.1 (too small)". */
  title: string;
  /** The iterates x_0, x_1, ... */
  iterates: ArrayLike<number>;
  /** The x range drawn; default the iterates' range (and the function's domain), padded. */
  range?: [number, number];
  color?: string;
}

export interface FunctionStepsOptions extends FigureOptions {
  /** Points sampled on the curve (default 201). */
  samples?: number;
  /** At most this many iterates drawn per panel (default 200). */
  maxSteps?: number;
}

function evaluator(f: TestFunction | ((x: number) => number)): (x: number) => number {
  if (typeof f === "function") return f;
  if (f.dim !== 1 && f.dim !== 0)
    throw new RangeError(`Invalid function for a 1D plot: ${f.name} has dim ${f.dim}`);
  const p = new Float64Array(1);
  return (x) => {
    p[0] = x;
    return f.f(p);
  };
}

/**
 * A 1D function with gradient-descent iterates on it and the steps between them, one panel per run, side
 * by side (lr too small / right / too large). `f` is a TestFunction of dimension 1 or `(x) => f(x)`.
 * @example
 * functionStepsFigure((x) => x * x, [
 *   { title: "lr 0.1", iterates: [70, 56, 44.8] },
 *   { title: "lr 0.9", iterates: [70, -56, 44.8] },
 * ]);
 */
export function functionStepsFigure(
  f: TestFunction | ((x: number) => number),
  panels: StepPanel[] | StepPanel,
  options: FunctionStepsOptions = {},
): Figure {
  checkOptionKeys("functionStepsFigure", options, {
    samples: true,
    maxSteps: true,
    title: true,
    height: true,
    width: true,
  });
  const list = Array.isArray(panels) ? panels : [panels];
  if (list.length === 0) throw new RangeError("Invalid panels: functionStepsFigure needs at least one");
  const fx = evaluator(f);
  const samples = options.samples ?? 201;
  const data: Trace[] = [];
  const extra: Record<string, unknown> = {
    grid: { rows: 1, columns: list.length, pattern: "independent", xgap: 0.12 },
    showlegend: false,
    annotations: [] as unknown[],
  };
  const domain = typeof f === "function" ? undefined : f.domain?.[0];
  list.forEach((panel, k) => {
    const xs = panel.iterates;
    if (!xs || xs.length === 0) throw new RangeError(`Invalid panel "${panel.title}": no iterates`);
    let lo = domain ? domain[0] : Infinity;
    let hi = domain ? domain[1] : -Infinity;
    for (let i = 0; i < xs.length; i++) {
      if (Number.isFinite(xs[i])) {
        lo = Math.min(lo, xs[i]);
        hi = Math.max(hi, xs[i]);
      }
    }
    if (!(hi > lo)) {
      lo -= 1;
      hi += 1;
    }
    const span = Math.max(Math.abs(lo), Math.abs(hi));
    let [a, b] = panel.range ?? [-1.1 * span, 1.1 * span];
    if (!panel.range && (lo > 0 || hi < 0)) [a, b] = [lo - 0.1 * (hi - lo), hi + 0.1 * (hi - lo)];
    const curveX: number[] = [];
    const curveY: number[] = [];
    for (let i = 0; i < samples; i++) {
      const x = a + ((b - a) * i) / (samples - 1);
      curveX.push(round(x));
      curveY.push(round(fx(x)));
    }
    const ax = k === 0 ? "" : String(k + 1);
    data.push({
      type: "scatter",
      mode: "lines",
      name: "f",
      x: curveX,
      y: curveY,
      xaxis: `x${ax}`,
      yaxis: `y${ax}`,
      line: { color: "#9aa7b5", width: 2 },
      hoverinfo: "skip",
    });
    const idx = thinIndices(xs.length, options.maxSteps ?? 200);
    data.push({
      type: "scatter",
      mode: "lines+markers",
      name: panel.title,
      x: idx.map((i) => round(xs[i])),
      y: idx.map((i) => round(fx(xs[i]))),
      customdata: idx,
      xaxis: `x${ax}`,
      yaxis: `y${ax}`,
      line: { color: panel.color ?? courseColor(k), width: 1.5 },
      marker: { size: 7, color: panel.color ?? courseColor(k), line: { color: "white", width: 1 } },
      hovertemplate: "step %{customdata}<br>x = %{x:.4g}<br>f = %{y:.4g}<extra></extra>",
    });
    extra[`xaxis${ax}`] = axis({ title: { text: "x" }, range: [round(a), round(b)] });
    extra[`yaxis${ax}`] = axis({ title: k === 0 ? { text: "f(x)" } : undefined });
    (extra.annotations as unknown[]).push(panelTitle(panel.title, ax));
  });
  const layout = baseLayout({ ...options, height: options.height ?? 360 }, extra);
  layout.margin = { l: 60, r: 20, t: options.title ? 80 : 40, b: 50 };
  return { data, layout };
}
