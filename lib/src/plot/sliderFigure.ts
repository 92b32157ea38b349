import { checkOptionKeys } from "../core/validate";
import { type Figure, type Frame, type Trace } from "./figure";

/** One position of sliderFigure's slider: its label and the traces shown there. */
export interface SliderStep {
  /** The slider's label, e.g. "0.1" for lr = 0.1. */
  label: string;
  /** The traces for this value; every step has the same number, in the same order. */
  data: Trace[];
}

export interface SliderOptions {
  /** Text before the current label, e.g. "lr = " (default ""). */
  prefix?: string;
  /** The step shown first (default 0). */
  active?: number;
}

/**
 * A figure with a slider over a hyperparameter, built from precomputed frames (tslab has no widgets): the
 * `base` figure's traces stay (a contour, say), the traces of the chosen step are drawn over them.
 * @example
 * const steps = [0.01, 0.1, 0.5].map((lr) => ({ label: String(lr), data: [{ type: "scatter", y: run(lr).losses }] }));
 * show(sliderFigure(lossCurveFigure({}), steps, { prefix: "lr = " }));
 */
export function sliderFigure(base: Figure, steps: SliderStep[], options: SliderOptions = {}): Figure {
  checkOptionKeys("sliderFigure", options, { prefix: true, active: true });
  if (!Array.isArray(steps) || steps.length === 0)
    throw new RangeError("Invalid steps: sliderFigure needs at least one");
  const count = steps[0].data.length;
  steps.forEach((s, i) => {
    if (!Array.isArray(s.data) || s.data.length !== count) {
      throw new RangeError(
        `Invalid slider step ${i} ("${s.label}"): ${Array.isArray(s.data) ? s.data.length : 0} traces, step 0 has ${count}`,
      );
    }
  });
  const active = options.active ?? 0;
  if (!Number.isInteger(active) || active < 0 || active >= steps.length) {
    throw new RangeError(`Invalid active step: ${active} (there are ${steps.length})`);
  }
  const b = base.data.length;
  const traces = Array.from({ length: count }, (_, i) => b + i);
  const names = new Set<string>();
  const frames: Frame[] = steps.map((s) => {
    const name = String(s.label);
    if (names.has(name)) throw new RangeError(`Invalid slider steps: label "${name}" repeats`);
    names.add(name);
    return { name, data: s.data, traces };
  });
  const still = { mode: "immediate", frame: { duration: 0, redraw: true }, transition: { duration: 0 } };
  const layout = {
    ...base.layout,
    sliders: [
      {
        active,
        x: 0,
        len: 1,
        y: 0,
        yanchor: "top",
        pad: { t: 50 },
        currentvalue: { prefix: options.prefix ?? "", visible: true, xanchor: "left" },
        steps: frames.map((f) => ({ label: f.name, method: "animate", args: [[f.name], still] })),
      },
    ],
    margin: { ...(base.layout.margin as object), b: 110 },
  };
  return { data: [...base.data, ...steps[active].data], layout, frames };
}
