import type { Schedule } from "../core/types";
import { cosineAnnealingLR } from "./cosineAnnealingLR";
import { exponentialLR } from "./exponentialLR";
import { linearLR } from "./linearLR";
import { multiStepLR } from "./multiStepLR";
import { stepLR } from "./stepLR";

/** torch's scheduler class names that {@link schedulerByName} knows. */
export const SCHEDULER_NAMES = [
  "StepLR",
  "ExponentialLR",
  "MultiStepLR",
  "CosineAnnealingLR",
  "LinearLR",
] as const;

/**
 * The schedule a torch scheduler class name stands for, with torch's option names in camelCase
 * (golden/FORMAT.md: StepLR stepSize, gamma; ExponentialLR gamma; MultiStepLR milestones, gamma;
 * CosineAnnealingLR tMax, etaMin; LinearLR startFactor, endFactor, totalIters) and torch's defaults.
 * Unknown names or options throw, naming them.
 *
 * @param name a torch class name, e.g. "CosineAnnealingLR".
 * @param baseLr the optimizer's lr (torch's base_lr).
 * @param options the scheduler's keyword arguments in camelCase.
 * @example
 * const s = schedulerByName("StepLR", 0.2, { stepSize: 10, gamma: 0.5 });
 * s(10); //=> 0.1
 * schedulerByName("StepLR", 0.2, { step_size: 10 }); // throws: Unknown option for StepLR: step_size (expected stepSize, gamma)
 */
export function schedulerByName(
  name: string,
  baseLr: number,
  options: Record<string, unknown> = {},
): Schedule {
  // Each factory checks its own option names and values.
  switch (name) {
    case "StepLR":
      return stepLR(baseLr, options as { stepSize: number; gamma?: number });
    case "ExponentialLR":
      return exponentialLR(baseLr, options as { gamma: number });
    case "MultiStepLR":
      return multiStepLR(baseLr, options as { milestones: number[]; gamma?: number });
    case "CosineAnnealingLR":
      return cosineAnnealingLR(baseLr, options as { tMax: number; etaMin?: number });
    case "LinearLR":
      return linearLR(baseLr, options);
    default:
      throw new RangeError(`Unknown scheduler: ${name} (known: ${SCHEDULER_NAMES.join(", ")})`);
  }
}
