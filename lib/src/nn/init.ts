import type { Rng } from "../core/random";

/**
 * He (Kaiming) normal initialization, torch's `kaiming_normal_` with fan_in and ReLU gain: fills `W` with
 * N(0, 2 / fanIn) draws from `rng` and returns it.
 *
 * $$\begin{aligned} W_{ij} &\sim \mathcal N\!\left(0, \tfrac{2}{n_\text{in}}\right) \end{aligned}$$
 *
 * @see He, Zhang, Ren and Sun, "Delving Deep into Rectifiers", ICCV 2015.
 * @example
 * heNormal(seeded(0), new Float32Array(4), 2); // four N(0, 1) draws (2 / fanIn = 1)
 * //=> Float32Array [-0.5974655747413635, 0.7686562538146973, -0.02690778858959675, 1.2968050241470337]
 */
export function heNormal(rng: Rng, W: Float32Array, fanIn: number): Float32Array {
  const std = Math.sqrt(2 / fanIn);
  for (let i = 0; i < W.length; i++) W[i] = std * rng.normal();
  return W;
}

/**
 * Xavier (Glorot) uniform initialization, torch's `xavier_uniform_` with gain 1: fills `W` with
 * U(-a, a) draws, a = sqrt(6 / (fanIn + fanOut)), and returns it.
 *
 * $$\begin{aligned} a &= \sqrt{\tfrac{6}{n_\text{in} + n_\text{out}}} \\ W_{ij} &\sim \mathcal U(-a, a) \end{aligned}$$
 *
 * @see Glorot and Bengio, "Understanding the difficulty of training deep feedforward neural networks", AISTATS 2010.
 * @example
 * xavierUniform(seeded(0), new Float32Array(4), 1, 2); // four draws in (-sqrt(2), sqrt(2))
 * //=> Float32Array [0.3466810882091522, -0.4096708297729492, -0.19463278353214264, -0.6977676749229431]
 */
export function xavierUniform(rng: Rng, W: Float32Array, fanIn: number, fanOut: number): Float32Array {
  const a = Math.sqrt(6 / (fanIn + fanOut));
  for (let i = 0; i < W.length; i++) W[i] = a * (2 * rng.uniform() - 1);
  return W;
}
