import type { Schedule } from "../core/types";
import { checkNonNegative, checkPositive } from "../core/validate";
import { checkScheduleKeys, recurrence } from "./recurrence";

/**
 * torch's ExponentialLR as a schedule: the learning rate is multiplied by γ every step, one
 * multiplication per step as torch accumulates it (so 0.2·0.95·0.95·0.95·0.95 = 0.16290124999999997, not
 * 0.2·0.95⁴).
 *
 * $$\begin{aligned} \eta_0 &= \text{lr} \\ \eta_t &= \gamma\, \eta_{t-1} \end{aligned}$$
 *
 * @param lr the base learning rate (>= 0).
 * @param options `gamma` (required, > 0).
 * @example
 * const s = exponentialLR(0.2, { gamma: 0.95 });
 * [s(0), s(1), s(2)]; //=> [0.2, 0.19, 0.1805]
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.ExponentialLR.html
 */
export function exponentialLR(lr: number, options: { gamma: number }): Schedule {
  checkScheduleKeys("ExponentialLR", options, ["gamma"], ["gamma"]);
  const { gamma } = options;
  checkNonNegative("learning rate", lr);
  checkPositive("gamma", gamma);
  return recurrence(lr, (prev) => prev * gamma);
}
