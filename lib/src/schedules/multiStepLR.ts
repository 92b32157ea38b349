import type { Schedule } from "../core/types";
import { checkInteger, checkNonNegative, checkPositive } from "../core/validate";
import { checkScheduleKeys, recurrence } from "./recurrence";
import { detMath } from "../core/detMath";

/** Options of {@link multiStepLR} (torch.optim.lr_scheduler.MultiStepLR's, in camelCase). */
export interface MultiStepLROptions {
  /** Steps at which the rate is multiplied by γ (required; integers >= 0; a repeated one counts twice). */
  milestones: number[];
  /** Multiplicative factor of the decay (default 0.1). */
  gamma: number;
}

/**
 * torch's MultiStepLR as a schedule: the learning rate is multiplied by γ at each milestone (γ^c where a
 * milestone is listed c times), accumulated as torch does.
 *
 * $$\begin{aligned} \eta_{-1} &= \text{lr} \\
 * \eta_t &= \eta_{t-1}\, \gamma^{\,\#\{m \in \text{milestones} : m = t\}} \end{aligned}$$
 *
 * @param lr the base learning rate (>= 0).
 * @example
 * const s = multiStepLR(0.1, { milestones: [5, 20], gamma: 0.1 });
 * [s(4), s(5), s(20)]; //=> [0.1, 0.010000000000000002, 0.0010000000000000002]
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.MultiStepLR.html
 */
export function multiStepLR(lr: number, options: { milestones: number[]; gamma?: number }): Schedule {
  checkScheduleKeys("MultiStepLR", options, ["milestones", "gamma"], ["milestones"]);
  const { milestones, gamma = 0.1 } = options;
  checkNonNegative("learning rate", lr);
  if (!Array.isArray(milestones)) throw new RangeError(`Invalid milestones: ${String(milestones)}`);
  milestones.forEach((m, i) => checkInteger(`milestone at index ${i}`, m, 0));
  checkPositive("gamma", gamma);
  const counts = new Map<number, number>();
  for (const m of milestones) counts.set(m, (counts.get(m) ?? 0) + 1);
  // torch applies a milestone 0 at construction, so lr(0) already carries it.
  const at = (prev: number, t: number): number => {
    const c = counts.get(t);
    return c === undefined ? prev : prev * detMath.pow(gamma, c);
  };
  return recurrence(at(lr, 0), at);
}
