import type { Schedule } from "../core/types";
import { checkInteger, checkOptionKeys } from "../core/validate";
import { axis, baseLayout, courseColor, plain, range, type Figure, type FigureOptions } from "./figure";

export interface ScheduleFigureOptions extends FigureOptions {
  /** Logarithmic y axis (default false). */
  log?: boolean;
}

/**
 * Learning-rate schedules against the step t = 0 .. steps - 1 (the lr used at each step), drawn as steps.
 * @example
 * scheduleFigure({ "StepLR(10, 0.5)": (t) => 0.1 * 0.5 ** Math.floor(t / 10) }, 40);
 */
export function scheduleFigure(
  schedules: Record<string, Schedule> | { name: string; schedule: Schedule }[],
  steps: number,
  options: ScheduleFigureOptions = {},
): Figure {
  checkOptionKeys("scheduleFigure", options, {
    log: true,
    title: true,
    height: true,
    width: true,
  });
  checkInteger("number of steps", steps, 1);
  const list = Array.isArray(schedules)
    ? schedules
    : Object.entries(schedules).map(([name, schedule]) => ({ name, schedule }));
  if (list.length === 0) throw new RangeError("Invalid schedules: scheduleFigure needs at least one");
  const data = list.map(({ name, schedule }, k) => {
    if (typeof schedule !== "function") throw new TypeError(`Invalid schedule "${name}": not a function`);
    const lrs = new Float64Array(steps);
    for (let t = 0; t < steps; t++) lrs[t] = schedule(t);
    return {
      type: "scatter",
      mode: "lines",
      name,
      x: range(steps),
      y: plain(lrs),
      line: { color: courseColor(k), width: 2, shape: "hv" },
      hovertemplate: `${name}<br>step %{x}: lr %{y:.4g}<extra></extra>`,
    };
  });
  return {
    data,
    layout: baseLayout(
      { ...options, height: options.height ?? 340 },
      {
        xaxis: axis({ title: { text: "step t" } }),
        yaxis: axis({
          title: { text: "learning rate" },
          type: options.log ? "log" : "linear",
          exponentformat: "power",
        }),
      },
    ),
  };
}
