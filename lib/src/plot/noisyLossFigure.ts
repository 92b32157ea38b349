import { checkInteger, checkOptionKeys } from "../core/validate";
import { axis, baseLayout, checkSeries, courseColor, plain, type Figure, type FigureOptions } from "./figure";
import { downsampleMinMax } from "./downsampleMinMax";
import { lttb } from "./lttb";

export interface NoisyLossOptions extends FigureOptions {
  /** Window of the trailing moving average in steps (default: 1% of the steps, at least 10). */
  window?: number;
  /** Draw only every k-th raw loss (default 1: all, then downsampled). */
  every?: number;
  /** Points drawn per curve at most (default 4000): min/max per bucket for the noise, LTTB for the mean. */
  maxPoints?: number;
  /** Logarithmic y axis (default false). */
  log?: boolean;
  /** The legend name of the run (default "loss"). */
  name?: string;
  color?: string;
  xTitle?: string;
}

/**
 * Noisy per-step losses (SGD on minibatches) as a light band of raw values and a trailing moving average
 * on top. 100k+ steps stay light in the browser: the raw losses keep the min and max of each bucket, the
 * average is downsampled by LTTB; the average is computed over every step in one O(n) loop.
 * @example
 * noisyLossFigure(run.losses, { window: 500, log: true });
 */
export function noisyLossFigure(losses: ArrayLike<number>, options: NoisyLossOptions = {}): Figure {
  checkOptionKeys("noisyLossFigure", options, {
    window: true,
    every: true,
    maxPoints: true,
    log: true,
    name: true,
    color: true,
    xTitle: true,
    title: true,
    height: true,
    width: true,
  });
  checkSeries("losses", losses);
  const n = losses.length;
  const window = options.window ?? Math.max(10, Math.round(n / 100));
  checkInteger("moving-average window", window, 1);
  const every = options.every ?? 1;
  checkInteger("every", every, 1);
  const maxPoints = options.maxPoints ?? 4000;
  checkInteger("maxPoints", maxPoints, 4);
  // Trailing moving average over the last `window` steps (fewer at the start).
  const avg = new Float64Array(n);
  const steps = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += losses[i];
    if (i >= window) sum -= losses[i - window];
    avg[i] = sum / Math.min(i + 1, window);
    steps[i] = i;
  }
  const m = Math.ceil(n / every);
  const rawX = new Float64Array(m);
  const rawY = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    rawX[k] = k * every;
    rawY[k] = losses[k * every];
  }
  const raw = downsampleMinMax(rawX, rawY, Math.floor(maxPoints / 2));
  const mean = lttb(steps, avg, Math.max(3, maxPoints));
  const name = options.name ?? "loss";
  const color = options.color ?? courseColor(0);
  return {
    data: [
      {
        type: "scatter",
        mode: "lines",
        name: every > 1 ? `${name} (every ${every}th step)` : `${name} per step`,
        x: plain(raw.x),
        y: plain(raw.y),
        line: { color, width: 0.7 },
        opacity: 0.35,
        hoverinfo: "skip",
      },
      {
        type: "scatter",
        mode: "lines",
        name: `moving average (${window} steps)`,
        x: plain(mean.x),
        y: plain(mean.y),
        line: { color, width: 2.5 },
        hovertemplate: "step %{x}: %{y:.4g}<extra></extra>",
      },
    ],
    layout: baseLayout(options, {
      xaxis: axis({ title: { text: options.xTitle ?? "step" } }),
      yaxis: axis({ title: { text: "loss" }, type: options.log ? "log" : "linear", exponentformat: "power" }),
    }),
  };
}
