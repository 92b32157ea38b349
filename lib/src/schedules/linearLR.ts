import type { Schedule } from "../core/types";
import { checkInteger, checkNonNegative } from "../core/validate";
import { checkScheduleKeys, recurrence } from "./recurrence";

/** Options of {@link linearLR} (torch.optim.lr_scheduler.LinearLR's, in camelCase). */
export interface LinearLROptions {
  /** Factor of lr at step 0, in (0, 1] (default 1/3). */
  startFactor: number;
  /** Factor of lr from step totalIters on, in [0, 1] (default 1). */
  endFactor: number;
  /** Number of steps of the linear ramp (default 5). */
  totalIters: number;
}

/** torch.optim.lr_scheduler.LinearLR's defaults. */
export const LINEAR_LR_DEFAULTS: LinearLROptions = { startFactor: 1 / 3, endFactor: 1, totalIters: 5 };

/**
 * torch's LinearLR as a schedule: the factor of lr goes linearly from startFactor to endFactor over
 * totalIters steps, then stays; accumulated in torch's recursive form.
 *
 * $$\begin{aligned} \eta_0 &= \text{lr} \cdot s \\
 * \eta_t &= \eta_{t-1} \Big(1 + \frac{e - s}{T s + (t - 1)(e - s)}\Big) \quad (1 \le t \le T) \\
 * \eta_t &= \eta_{t-1} \quad (t > T) \end{aligned}$$
 * with s = startFactor, e = endFactor, T = totalIters.
 *
 * @param lr the base learning rate (>= 0).
 * @example
 * const s = linearLR(0.1, { startFactor: 0.5, totalIters: 4 });
 * [s(0), s(2), s(4), s(9)]; //=> [0.05, 0.075, 0.1, 0.1]
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.LinearLR.html
 */
export function linearLR(lr: number, options: Partial<LinearLROptions> = {}): Schedule {
  checkScheduleKeys("LinearLR", options, ["startFactor", "endFactor", "totalIters"]);
  const { startFactor: s, endFactor: e, totalIters: T } = { ...LINEAR_LR_DEFAULTS, ...options };
  checkNonNegative("learning rate", lr);
  if (!(s > 0 && s <= 1)) {
    throw new RangeError(
      `Starting multiplicative factor expected to be greater than 0 and less or equal to 1, got startFactor ${s}`,
    );
  }
  if (!(e >= 0 && e <= 1)) {
    throw new RangeError(`Ending multiplicative factor expected to be between 0 and 1, got endFactor ${e}`);
  }
  checkInteger("totalIters", T, 1);
  return recurrence(lr * s, (prev, t) => (t > T ? prev : prev * (1 + (e - s) / (T * s + (t - 1) * (e - s)))));
}
