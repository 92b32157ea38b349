import type { Schedule } from "../core/types";
import { checkInteger, checkNonNegative, checkPositive } from "../core/validate";
import { checkScheduleKeys, recurrence } from "./recurrence";

/** Options of {@link periodDecay}: the slides' names. */
export interface PeriodDecayOptions {
  /** Period p in steps (an integer >= 1). */
  period: number;
  /** Reduction rate k: the rate is divided by k every p steps (> 0; k > 1 decays). */
  reductionRate: number;
}

/**
 * The lecture's step decay (lecture §2): η = 0.2, and after each iteration i = 1, 2, ... of
 * `x ← x - η f'(x)`, `if i % p == 0: η = η / k`. Step t is iteration i = t + 1, so steps 0 ... p-1 use
 * η₀, steps p ... 2p-1 use η₀/k, and so on: torch's StepLR with γ = 1/k, but divided as the slide's loop
 * divides.
 *
 * The slide gives only the test `if i % p == 0: η = η / k`, not where it sits in the loop. Read as a
 * check before the update with i counting from 0, it would divide at i = 0 and the slide's η = 0.2 would
 * never be used; the course reads it as following the update of iteration i = 1, 2, ..., as above.
 *
 * $$\begin{aligned} \eta_0 &= \text{lr} \\
 * \eta_t &= \begin{cases} \eta_{t-1} / k & t \bmod p = 0 \\ \eta_{t-1} & \text{otherwise} \end{cases} \end{aligned}$$
 *
 * @param lr the starting learning rate η₀ (>= 0).
 * @example
 * const s = periodDecay(0.2, { period: 5, reductionRate: 2 });
 * [s(0), s(4), s(5), s(10)]; //=> [0.2, 0.2, 0.1, 0.05]
 */
export function periodDecay(lr: number, options: PeriodDecayOptions): Schedule {
  checkScheduleKeys("periodDecay", options, ["period", "reductionRate"], ["period", "reductionRate"]);
  const { period, reductionRate } = options;
  checkNonNegative("learning rate", lr);
  checkInteger("period", period, 1);
  checkPositive("reductionRate", reductionRate);
  return recurrence(lr, (prev, t) => (t % period === 0 ? prev / reductionRate : prev));
}
