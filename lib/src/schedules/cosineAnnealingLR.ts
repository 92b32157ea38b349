import type { Schedule } from "../core/types";
import { checkNonNegative, checkPositive } from "../core/validate";
import { checkScheduleKeys, recurrence } from "./recurrence";
import { detMath } from "../core/detMath";

/** Options of {@link cosineAnnealingLR} (torch.optim.lr_scheduler.CosineAnnealingLR's, in camelCase). */
export interface CosineAnnealingLROptions {
  /** Half period T_max in steps (required, > 0). */
  tMax: number;
  /** Minimum learning rate η_min (default 0). */
  etaMin: number;
}

/**
 * torch's CosineAnnealingLR as a schedule, in torch's RECURSIVE (chainable) form, accumulated step by step
 * as torch does: it falls from lr to η_min over T_max steps and then rises again (a cosine of period
 * 2·T_max), e.g. lr 0.1, T_max 20, η_min 0.001 gives 0.001 at t = 20 and 0.00161 at t = 21.
 *
 * $$\begin{aligned} \eta_0 &= \text{lr} \\
 * \eta_t &= \eta_{t-1} + (\text{lr} - \eta_{\min}) \frac{1 - \cos(\pi / T_{\max})}{2}
 *   \quad\text{if } (t - 1 - T_{\max}) \bmod 2T_{\max} = 0 \\
 * \eta_t &= \frac{1 + \cos(\pi t / T_{\max})}{1 + \cos(\pi (t - 1) / T_{\max})} (\eta_{t-1} - \eta_{\min}) + \eta_{\min}
 *   \quad\text{otherwise} \end{aligned}$$
 *
 * Note: optax's `cosine_decay_schedule` clamps at T_max instead; the closed form
 * η_min + (lr - η_min)(1 + cos(πt/T_max))/2 agrees with this one up to rounding.
 *
 * @param lr the base learning rate (>= 0).
 * @example
 * const s = cosineAnnealingLR(0.1, { tMax: 20, etaMin: 0.001 });
 * [s(0), s(10), s(20), s(21)]; //=> [0.1, 0.0505, 0.001, 0.0016094271405406803]
 * @see https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.CosineAnnealingLR.html
 */
export function cosineAnnealingLR(lr: number, options: { tMax: number; etaMin?: number }): Schedule {
  checkScheduleKeys("CosineAnnealingLR", options, ["tMax", "etaMin"], ["tMax"]);
  const { tMax, etaMin = 0 } = options;
  checkNonNegative("learning rate", lr);
  checkPositive("tMax", tMax);
  checkNonNegative("etaMin", etaMin);
  const period = 2 * tMax;
  return recurrence(lr, (prev, t) => {
    // Python's % is non-negative for a positive modulus; JS's % keeps the dividend's sign.
    const r = (((t - 1 - tMax) % period) + period) % period;
    if (r === 0) return prev + ((lr - etaMin) * (1 - detMath.cos(Math.PI / tMax))) / 2;
    return (
      ((1 + detMath.cos((Math.PI * t) / tMax)) / (1 + detMath.cos((Math.PI * (t - 1)) / tMax))) *
        (prev - etaMin) +
      etaMin
    );
  });
}
