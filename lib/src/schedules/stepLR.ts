import type { Schedule } from "../core/types";
import { checkInteger, checkNonNegative, checkPositive } from "../core/validate";
import { checkScheduleKeys, recurrence } from "./recurrence";

/** Options of {@link stepLR} (torch.optim.lr_scheduler.StepLR's, in camelCase). */
export interface StepLROptions {
  /** Period of the decay in steps (required, an integer >= 1). */
  stepSize: number;
  /** Multiplicative factor of the decay (default 0.1). */
  gamma: number;
}

/**
 * torch's StepLR as a schedule: the learning rate is multiplied by γ every `stepSize` steps, accumulated
 * as torch does (one multiplication at each multiple of stepSize).
 *
 * $$\begin{aligned} \eta_0 &= \text{lr} \\
 * \eta_t &= \begin{cases} \gamma\, \eta_{t-1} & t \bmod \text{stepSize} = 0 \\ \eta_{t-1} & \text{otherwise} \end{cases}
 * \end{aligned}$$
 *
 * @param lr the base learning rate (>= 0).
 * @example
 * const s = stepLR(0.2, { stepSize: 10, gamma: 0.5 });
 * [s(0), s(9), s(10), s(20)]; //=> [0.2, 0.2, 0.1, 0.05]
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.StepLR.html
 */
export function stepLR(lr: number, options: { stepSize: number; gamma?: number }): Schedule {
  checkScheduleKeys("StepLR", options, ["stepSize", "gamma"], ["stepSize"]);
  const { stepSize, gamma = 0.1 } = options;
  checkNonNegative("learning rate", lr);
  checkInteger("stepSize", stepSize, 1);
  checkPositive("gamma", gamma);
  return recurrence(lr, (prev, t) => (t % stepSize === 0 ? prev * gamma : prev));
}
