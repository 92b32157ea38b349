import { checkOptionKeys } from "../core/validate";
import type { TestFunction } from "../core/types";
import type { Figure } from "./figure";
import {
  CONTOUR_OPTION_KEYS,
  contourLayout,
  contourTrace,
  trajectoryTraces,
  type ContourOptions,
} from "./contourFigure";
import { sliderFigure, type SliderOptions } from "./sliderFigure";
import type { Trajectory } from "./trajectoryXY";

/**
 * A contour plot of `fn` with a slider over a hyperparameter: each slider position shows the trajectories
 * precomputed for that value (same number of trajectories at every position).
 * @example
 * const steps = [0.001, 0.01, 0.02].map((lr) => ({ label: String(lr), trajectories: [{ name: "GD", points: gd(lr) }] }));
 * show(trajectorySliderFigure(rosenbrock, steps, { prefix: "lr = " }));
 */
export function trajectorySliderFigure(
  fn: TestFunction,
  steps: { label: string; trajectories: Trajectory[] }[],
  options: ContourOptions & SliderOptions = {},
): Figure {
  checkOptionKeys("trajectorySliderFigure", options, { ...CONTOUR_OPTION_KEYS, prefix: true, active: true });
  const { trace } = contourTrace(fn, options);
  const base: Figure = { data: [trace], layout: contourLayout(fn, options) };
  return sliderFigure(
    base,
    steps.map((s) => ({ label: s.label, data: trajectoryTraces(s.trajectories, options.maxPoints ?? 1000) })),
    { prefix: options.prefix, active: options.active },
  );
}
