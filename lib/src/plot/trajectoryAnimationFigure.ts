import type { TestFunction } from "../core/types";
import { checkInteger, checkOptionKeys, checkPositive } from "../core/validate";
import { courseColor, round, type Figure, type Frame, type Trace } from "./figure";
import {
  CONTOUR_OPTION_KEYS,
  contourLayout,
  contourTrace,
  markerTraces,
  type ContourOptions,
} from "./contourFigure";
import { thinIndices, trajectoryXY, type Trajectory } from "./trajectoryXY";

export interface AnimationOptions extends ContourOptions {
  /** Number of frames at most (default 60): step t of the longest run is reached in the last frame. */
  frames?: number;
  /** Milliseconds per frame when playing (default 80). */
  duration?: number;
}

/** Play/pause buttons and a step slider for a figure with `frames` (names are the labels). */
export function animationControls(frameNames: string[], prefix: string, duration: number) {
  const still = { mode: "immediate", frame: { duration: 0, redraw: false }, transition: { duration: 0 } };
  return {
    updatemenus: [
      {
        type: "buttons",
        direction: "left",
        showactive: false,
        x: 0,
        y: 0,
        xanchor: "left",
        yanchor: "top",
        pad: { t: 60, r: 10 },
        buttons: [
          {
            label: "▶ Play",
            method: "animate",
            args: [
              null,
              {
                mode: "immediate",
                fromcurrent: true,
                frame: { duration, redraw: false },
                transition: { duration: 0 },
              },
            ],
          },
          { label: "❚❚ Pause", method: "animate", args: [[null], still] },
        ],
      },
    ],
    sliders: [
      {
        active: 0,
        x: 0.2,
        len: 0.8,
        y: 0,
        yanchor: "top",
        pad: { t: 45 },
        currentvalue: { prefix, visible: true, xanchor: "right" },
        steps: frameNames.map((name) => ({ label: name, method: "animate", args: [[name], still] })),
      },
    ],
  };
}

/**
 * An animation of optimizer trajectories on a contour plot: plotly frames with play/pause buttons and a
 * step slider. Each trajectory is drawn up to the frame's step, with its current point marked; runs of
 * different lengths stop at their last point. Points per trajectory are thinned to 200 and frames to
 * `frames`, so the notebook stays small.
 * @example
 * show(trajectoryAnimationFigure(rosenbrock, [{ name: "Adam", points: run.xs }], { frames: 50 }));
 */
export function trajectoryAnimationFigure(
  fn: TestFunction,
  trajectories: Trajectory[],
  options: AnimationOptions = {},
): Figure {
  checkOptionKeys("trajectoryAnimationFigure", options, {
    ...CONTOUR_OPTION_KEYS,
    frames: true,
    duration: true,
  });
  if (!Array.isArray(trajectories) || trajectories.length === 0) {
    throw new RangeError("Invalid trajectories: trajectoryAnimationFigure needs at least one");
  }
  const maxFrames = options.frames ?? 60;
  checkInteger("number of frames", maxFrames, 2);
  const duration = options.duration ?? 80;
  checkPositive("frame duration", duration);
  const runs = trajectories.map((t) => {
    const { x, y } = trajectoryXY(t);
    if (x.length === 0) throw new RangeError(`Invalid trajectory "${t.name}": no points`);
    return { x, y };
  });
  const longest = Math.max(...runs.map((r) => r.x.length));
  const frameSteps = thinIndices(longest, maxFrames);
  const pointSteps = runs.map((r) => thinIndices(r.x.length, 200));
  /** The traces of the runs at step s: each run's path up to s and the current points. */
  const at = (s: number): Trace[] => {
    const paths: Trace[] = runs.map((r, k) => {
      const last = Math.min(s, r.x.length - 1);
      const idx = pointSteps[k].filter((i) => i < last);
      idx.push(last);
      return {
        type: "scatter",
        x: idx.map((i) => round(r.x[i])),
        y: idx.map((i) => round(r.y[i])),
        customdata: idx,
      };
    });
    const heads: Trace = {
      type: "scatter",
      x: runs.map((r) => round(r.x[Math.min(s, r.x.length - 1)])),
      y: runs.map((r) => round(r.y[Math.min(s, r.y.length - 1)])),
    };
    return [...paths, heads];
  };
  const { trace: contour } = contourTrace(fn, options);
  const markers = markerTraces(trajectories, options.minima ?? fn.minima);
  const first = at(0);
  const styled: Trace[] = trajectories.map((t, k) => ({
    ...first[k],
    mode: "lines+markers",
    name: t.name,
    line: { color: t.color ?? courseColor(k), width: 2 },
    marker: { size: 4 },
    hovertemplate: `${t.name}<br>step %{customdata}<br>(%{x:.4g}, %{y:.4g})<extra></extra>`,
  }));
  const heads: Trace = {
    ...first[trajectories.length],
    mode: "markers",
    name: "current point",
    showlegend: false,
    marker: {
      size: 12,
      color: trajectories.map((t, k) => t.color ?? courseColor(k)),
      line: { color: "white", width: 2 },
    },
    hoverinfo: "skip",
  };
  const data = [contour, ...markers, ...styled, heads];
  const animated = Array.from({ length: trajectories.length + 1 }, (_, i) => 1 + markers.length + i);
  const frames: Frame[] = frameSteps.map((s) => ({ name: String(s), data: at(s), traces: animated }));
  const layout = contourLayout(fn, { ...options, height: options.height ?? 560 });
  layout.margin = { l: 60, r: 20, t: options.title ? 90 : 40, b: 120 };
  Object.assign(
    layout,
    animationControls(
      frames.map((f) => f.name),
      "step ",
      duration,
    ),
  );
  return { data, layout, frames };
}
