import type { Optimizer } from "../core/types";
import { adadelta } from "./adadelta";
import { adagrad } from "./adagrad";
import { adam } from "./adam";
import { adamax } from "./adamax";
import { adamw } from "./adamw";
import { adabound } from "./adabound";
import { momentumEma } from "./momentumEma";
import { momentumSlides } from "./momentumSlides";
import { nadam } from "./nadam";
import { radam } from "./radam";
import { rmsprop } from "./rmsprop";
import { sgd } from "./sgd";
import { yogi } from "./yogi";

/** A factory from an options object (camelCase names) to an optimizer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OptimizerFactory = (options?: any) => Optimizer<any, any>;

/**
 * Every optimizer by its class name: torch.optim's names ("SGD", "Adam", "RMSprop", ...), then the
 * course's extras ("Yogi", "AdaBound" after their papers' code, "MomentumSlides", "MomentumEma").
 * `optimizers[opt.name](JSON.parse(JSON.stringify(opt.config)))` rebuilds an equal optimizer.
 *
 * @example
 * const opt = optimizers["Adam"]({ lr: 0.01 });
 * console.log(opt.name, opt.config.betas);
 * //=> Adam [ 0.9, 0.999 ]
 */
export const optimizers: Record<string, OptimizerFactory> = {
  SGD: sgd,
  Adagrad: adagrad,
  RMSprop: rmsprop,
  Adadelta: adadelta,
  Adam: adam,
  AdamW: adamw,
  Adamax: adamax,
  NAdam: nadam,
  RAdam: radam,
  Yogi: yogi,
  AdaBound: adabound,
  MomentumSlides: momentumSlides,
  MomentumEma: momentumEma,
};

/**
 * torch keyword arguments that select an implementation, not the numbers (foreach, differentiable,
 * capturable, fused): accepted with these values and dropped.
 */
const IMPLEMENTATION_FLAGS: Record<string, (v: unknown) => boolean> = {
  foreach: (v) => v === null || typeof v === "boolean",
  differentiable: (v) => v === false,
  capturable: (v) => v === false,
  fused: (v) => v === false || v === null,
};

/** snake_case -> camelCase, the one mapping between torch's names and ours: `T_max` -> `tMax`. */
export function camelCaseKey(key: string): string {
  const [head, ...rest] = key.split("_");
  return head.toLowerCase() + rest.map((p) => (p ? p[0].toUpperCase() + p.slice(1) : "")).join("");
}

/**
 * Builds an optimizer from torch's class name and keyword arguments exactly as a Python call would
 * write them: `optimizerFromTorch("Adagrad", { lr: 0.5, lr_decay: 0.01 })`. Keys are mapped from
 * snake_case to camelCase (weight_decay, lr_decay, initial_accumulator_value, momentum_decay, final_lr);
 * a list `betas` becomes the tuple. Unknown names and options throw, naming them.
 *
 * @example
 * const opt = optimizerFromTorch("Adam", { lr: 0.02, betas: [0.8, 0.99], weight_decay: 0.1 });
 * console.log(opt.config.weightDecay);
 * //=> 0.1
 */
export function optimizerFromTorch(
  name: string,
  options: Record<string, unknown> = {},
): Optimizer<unknown, unknown> {
  const factory = Object.prototype.hasOwnProperty.call(optimizers, name) ? optimizers[name] : undefined;
  if (!factory) {
    throw new RangeError(`Unknown optimizer: ${name} (known: ${Object.keys(optimizers).join(", ")})`);
  }
  const camel: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    const flag = IMPLEMENTATION_FLAGS[key];
    if (flag) {
      if (!flag(value))
        throw new RangeError(`Unsupported option for ${name}: ${key}=${JSON.stringify(value)}`);
      continue;
    }
    camel[camelCaseKey(key)] = Array.isArray(value) ? [...value] : value;
  }
  return factory(camel);
}
