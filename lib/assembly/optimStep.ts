// AssemblyScript source of the fused optimizer steps (compiled by scripts/build-wasm.ts into
// lib/wasm/optimStep.wasm; loaded by lib/src/optim/fastOptimizer.ts). Not part of the TypeScript build:
// `f64`, `v128` and `usize` are AssemblyScript.
//
// Each exported function does one step of a torch.optim optimizer over `blocks` blocks of four float64 (the
// allocator pads every array to a multiple of 8), two f64x2 vectors per loop turn. Every operation is the one
// the readable optimizer in lib/src/optim does, in the same order (torch's: `a + alpha * b` for add_,
// `a + value * t1 * t2` for addcmul_, `a + value * t1 / t2` for addcdiv_), so the results are bit-identical:
// WebAssembly float arithmetic is IEEE 754 with round-to-nearest, there is no fused multiply-add here, and
// f64x2.sqrt is correctly rounded like Math.sqrt. Scalars that depend on the step (bias corrections, the
// decayed learning rate) are computed by the caller in JavaScript, exactly as the readable version does.
//
// The loop bodies are @inline static methods (decorators on methods are valid TypeScript syntax, so the
// file passes prettier and eslint) taking the options as booleans; each export calls them with
// constant flags for the common cases (so the optimizer removes the branches: Adam without options is a
// straight run of loads, arithmetic and stores) and with the runtime flags otherwise.
// Pointers are byte offsets into the imported memory; flags are 0 or 1.

// d = maximize ? -g : g; then d + wd * x when decaying (torch: grad.add(param, alpha=weight_decay)).
class Grad {
  @inline
  static direction(g: v128, x: v128, wd: v128, maximize: bool, decay: bool): v128 {
    let d = maximize ? f64x2.neg(g) : g;
    if (decay) d = f64x2.add(d, f64x2.mul(wd, x));
    return d;
  }
}

// ---------------------------------------------------------------------------------------------- SGD
// b = first ? d : b * momentum + (1 - dampening) * d; d = nesterov ? d + momentum * b : b (when momentum
// != 0); x = x + (-lr) * d.

class Sgd {
  @inline
  static vec(
    x: usize,
    g: usize,
    b: usize,
    negLr: v128,
    mom: v128,
    damp: v128,
    wd: v128,
    useMomentum: bool,
    nesterov: bool,
    maximize: bool,
    decay: bool,
    first: bool,
  ): void {
    const xi = v128.load(x);
    let d = Grad.direction(v128.load(g), xi, wd, maximize, decay);
    if (useMomentum) {
      const bi = first ? d : f64x2.add(f64x2.mul(v128.load(b), mom), f64x2.mul(damp, d));
      v128.store(b, bi);
      d = nesterov ? f64x2.add(d, f64x2.mul(mom, bi)) : bi;
    }
    v128.store(x, f64x2.add(xi, f64x2.mul(negLr, d)));
  }

  @inline
  static loop(
    blocks: i32,
    x: usize,
    g: usize,
    b: usize,
    negLr: f64,
    momentum: f64,
    oneMinusDampening: f64,
    weightDecay: f64,
    useMomentum: bool,
    nesterov: bool,
    maximize: bool,
    decay: bool,
    first: bool,
  ): void {
    const vNegLr = f64x2.splat(negLr);
    const vMom = f64x2.splat(momentum);
    const vDamp = f64x2.splat(oneMinusDampening);
    const vWd = f64x2.splat(weightDecay);
    const end = x + ((<usize>blocks) << 5);
    for (; x < end; x += 32, g += 32, b += 32) {
      Sgd.vec(x, g, b, vNegLr, vMom, vDamp, vWd, useMomentum, nesterov, maximize, decay, first);
      Sgd.vec(
        x + 16,
        g + 16,
        b + 16,
        vNegLr,
        vMom,
        vDamp,
        vWd,
        useMomentum,
        nesterov,
        maximize,
        decay,
        first,
      );
    }
  }
}

export function sgd(
  blocks: i32,
  x: usize,
  g: usize,
  b: usize,
  negLr: f64,
  momentum: f64,
  oneMinusDampening: f64,
  weightDecay: f64,
  nesterov: i32,
  maximize: i32,
  first: i32,
): void {
  const useMomentum = momentum != 0;
  const decay = weightDecay != 0;
  if (useMomentum && !nesterov && !maximize && !first && !decay) {
    Sgd.loop(blocks, x, g, b, negLr, momentum, oneMinusDampening, 0, true, false, false, false, false);
  } else if (!useMomentum && !maximize && !decay) {
    Sgd.loop(blocks, x, g, b, negLr, 0, 0, 0, false, false, false, false, false);
  } else {
    Sgd.loop(
      blocks,
      x,
      g,
      b,
      negLr,
      momentum,
      oneMinusDampening,
      weightDecay,
      useMomentum,
      nesterov != 0,
      maximize != 0,
      decay,
      first != 0,
    );
  }
}

// ------------------------------------------------------------------------------------------ Adagrad
// sum = sum + 1 * d * d; std = epsInside ? sqrt(sum + eps) : sqrt(sum) + eps; x = x + (-clr) * d / std,
// where clr = lr / (1 + (t - 1) lrDecay).

class Adagrad {
  @inline
  static vec(
    x: usize,
    g: usize,
    sum: usize,
    negClr: v128,
    eps: v128,
    wd: v128,
    maximize: bool,
    decay: bool,
    epsInside: bool,
  ): void {
    const xi = v128.load(x);
    const d = Grad.direction(v128.load(g), xi, wd, maximize, decay);
    const s = f64x2.add(v128.load(sum), f64x2.mul(d, d));
    v128.store(sum, s);
    const std = epsInside ? f64x2.sqrt(f64x2.add(s, eps)) : f64x2.add(f64x2.sqrt(s), eps);
    v128.store(x, f64x2.add(xi, f64x2.div(f64x2.mul(negClr, d), std)));
  }

  @inline
  static loop(
    blocks: i32,
    x: usize,
    g: usize,
    sum: usize,
    negClr: f64,
    eps: f64,
    weightDecay: f64,
    maximize: bool,
    decay: bool,
    epsInside: bool,
  ): void {
    const vNegClr = f64x2.splat(negClr);
    const vEps = f64x2.splat(eps);
    const vWd = f64x2.splat(weightDecay);
    const end = x + ((<usize>blocks) << 5);
    for (; x < end; x += 32, g += 32, sum += 32) {
      Adagrad.vec(x, g, sum, vNegClr, vEps, vWd, maximize, decay, epsInside);
      Adagrad.vec(x + 16, g + 16, sum + 16, vNegClr, vEps, vWd, maximize, decay, epsInside);
    }
  }
}

export function adagrad(
  blocks: i32,
  x: usize,
  g: usize,
  sum: usize,
  negClr: f64,
  eps: f64,
  weightDecay: f64,
  maximize: i32,
  epsInside: i32,
): void {
  const decay = weightDecay != 0;
  if (!maximize && !decay && !epsInside) {
    Adagrad.loop(blocks, x, g, sum, negClr, eps, 0, false, false, false);
  } else {
    Adagrad.loop(blocks, x, g, sum, negClr, eps, weightDecay, maximize != 0, decay, epsInside != 0);
  }
}

// ------------------------------------------------------------------------------------------ RMSprop
// sq = sq * alpha + (1 - alpha) * d * d; when centered, ga = ga * alpha + (1 - alpha) * d and
// avg = sqrt(sq + (-1) * ga * ga), else avg = sqrt(sq); avg = avg + eps (epsInside: sqrt(... + eps)); with
// momentum, buf = buf * momentum + 1 * d / avg and x = x + (-lr) * buf, else x = x + (-lr) * d / avg.

class Rmsprop {
  @inline
  static vec(
    x: usize,
    g: usize,
    sq: usize,
    ga: usize,
    buf: usize,
    negLr: v128,
    alpha: v128,
    oneMinusAlpha: v128,
    eps: v128,
    wd: v128,
    mom: v128,
    useMomentum: bool,
    centered: bool,
    maximize: bool,
    decay: bool,
    epsInside: bool,
  ): void {
    const xi = v128.load(x);
    const d = Grad.direction(v128.load(g), xi, wd, maximize, decay);
    const s = f64x2.add(f64x2.mul(v128.load(sq), alpha), f64x2.mul(f64x2.mul(oneMinusAlpha, d), d));
    v128.store(sq, s);
    let inner = s;
    if (centered) {
      const a = f64x2.add(f64x2.mul(v128.load(ga), alpha), f64x2.mul(oneMinusAlpha, d));
      v128.store(ga, a);
      inner = f64x2.sub(s, f64x2.mul(a, a)); // s + (-1 * a) * a: (-1 * a) * a is -(a * a) exactly
    }
    const avg = epsInside ? f64x2.sqrt(f64x2.add(inner, eps)) : f64x2.add(f64x2.sqrt(inner), eps);
    if (useMomentum) {
      const bi = f64x2.add(f64x2.mul(v128.load(buf), mom), f64x2.div(d, avg));
      v128.store(buf, bi);
      v128.store(x, f64x2.add(xi, f64x2.mul(negLr, bi)));
    } else {
      v128.store(x, f64x2.add(xi, f64x2.div(f64x2.mul(negLr, d), avg)));
    }
  }

  @inline
  static loop(
    blocks: i32,
    x: usize,
    g: usize,
    sq: usize,
    ga: usize,
    buf: usize,
    negLr: f64,
    alpha: f64,
    eps: f64,
    weightDecay: f64,
    momentum: f64,
    useMomentum: bool,
    centered: bool,
    maximize: bool,
    decay: bool,
    epsInside: bool,
  ): void {
    const vNegLr = f64x2.splat(negLr);
    const vAlpha = f64x2.splat(alpha);
    const vOneMinusAlpha = f64x2.splat(1 - alpha);
    const vEps = f64x2.splat(eps);
    const vWd = f64x2.splat(weightDecay);
    const vMom = f64x2.splat(momentum);
    const end = x + ((<usize>blocks) << 5);
    for (; x < end; x += 32, g += 32, sq += 32, ga += 32, buf += 32) {
      Rmsprop.vec(
        x,
        g,
        sq,
        ga,
        buf,
        vNegLr,
        vAlpha,
        vOneMinusAlpha,
        vEps,
        vWd,
        vMom,
        useMomentum,
        centered,
        maximize,
        decay,
        epsInside,
      );
      Rmsprop.vec(
        x + 16,
        g + 16,
        sq + 16,
        ga + 16,
        buf + 16,
        vNegLr,
        vAlpha,
        vOneMinusAlpha,
        vEps,
        vWd,
        vMom,
        useMomentum,
        centered,
        maximize,
        decay,
        epsInside,
      );
    }
  }
}

export function rmsprop(
  blocks: i32,
  x: usize,
  g: usize,
  sq: usize,
  ga: usize,
  buf: usize,
  negLr: f64,
  alpha: f64,
  eps: f64,
  weightDecay: f64,
  momentum: f64,
  centered: i32,
  maximize: i32,
  epsInside: i32,
): void {
  const useMomentum = momentum > 0;
  const decay = weightDecay != 0;
  if (!useMomentum && !centered && !maximize && !decay && !epsInside) {
    Rmsprop.loop(blocks, x, g, sq, ga, buf, negLr, alpha, eps, 0, 0, false, false, false, false, false);
  } else if (useMomentum && !centered && !maximize && !decay && !epsInside) {
    Rmsprop.loop(blocks, x, g, sq, ga, buf, negLr, alpha, eps, 0, momentum, true, false, false, false, false);
  } else {
    Rmsprop.loop(
      blocks,
      x,
      g,
      sq,
      ga,
      buf,
      negLr,
      alpha,
      eps,
      weightDecay,
      momentum,
      useMomentum,
      centered != 0,
      maximize != 0,
      decay,
      epsInside != 0,
    );
  }
}

// --------------------------------------------------------------------------------------- Adam, AdamW
// AdamW: x = x * (1 - lr * wd) first; Adam: d = d + wd * x; m = m * b1 + (1 - b1) * d;
// v = v * b2 + (1 - b2) * d * d; amsgrad: vmax = max(vmax, v) and v stands for vmax below;
// denom = sqrt(v) / sqrt(bc2) + eps (epsInside: sqrt(v / bc2 + eps)); x = x + (-stepSize) * m / denom.

class Adam {
  @inline
  static vec(
    x: usize,
    g: usize,
    m: usize,
    v: usize,
    vmax: usize,
    negStep: v128,
    b1: v128,
    oneMinusB1: v128,
    b2: v128,
    oneMinusB2: v128,
    bc2: v128,
    bc2Sqrt: v128,
    eps: v128,
    wd: v128,
    factor: v128,
    decoupled: bool,
    coupled: bool,
    amsgrad: bool,
    maximize: bool,
    epsInside: bool,
  ): void {
    let xi = v128.load(x);
    if (decoupled) xi = f64x2.mul(xi, factor);
    const d = Grad.direction(v128.load(g), xi, wd, maximize, coupled);
    const mi = f64x2.add(f64x2.mul(v128.load(m), b1), f64x2.mul(oneMinusB1, d));
    let vi = f64x2.add(f64x2.mul(v128.load(v), b2), f64x2.mul(f64x2.mul(oneMinusB2, d), d));
    v128.store(m, mi);
    v128.store(v, vi);
    if (amsgrad) {
      vi = f64x2.max(v128.load(vmax), vi);
      v128.store(vmax, vi);
    }
    const denom = epsInside
      ? f64x2.sqrt(f64x2.add(f64x2.div(vi, bc2), eps))
      : f64x2.add(f64x2.div(f64x2.sqrt(vi), bc2Sqrt), eps);
    v128.store(x, f64x2.add(xi, f64x2.div(f64x2.mul(negStep, mi), denom)));
  }

  @inline
  static loop(
    blocks: i32,
    x: usize,
    g: usize,
    m: usize,
    v: usize,
    vmax: usize,
    negStepSize: f64,
    beta1: f64,
    beta2: f64,
    bc2: f64,
    bc2Sqrt: f64,
    eps: f64,
    weightDecay: f64,
    decayFactor: f64,
    decoupled: bool,
    coupled: bool,
    amsgrad: bool,
    maximize: bool,
    epsInside: bool,
  ): void {
    const vNegStep = f64x2.splat(negStepSize);
    const vB1 = f64x2.splat(beta1);
    const vOneMinusB1 = f64x2.splat(1 - beta1);
    const vB2 = f64x2.splat(beta2);
    const vOneMinusB2 = f64x2.splat(1 - beta2);
    const vBc2 = f64x2.splat(bc2);
    const vBc2Sqrt = f64x2.splat(bc2Sqrt);
    const vEps = f64x2.splat(eps);
    const vWd = f64x2.splat(weightDecay);
    const vFactor = f64x2.splat(decayFactor);
    const end = x + ((<usize>blocks) << 5);
    for (; x < end; x += 32, g += 32, m += 32, v += 32, vmax += 32) {
      Adam.vec(
        x,
        g,
        m,
        v,
        vmax,
        vNegStep,
        vB1,
        vOneMinusB1,
        vB2,
        vOneMinusB2,
        vBc2,
        vBc2Sqrt,
        vEps,
        vWd,
        vFactor,
        decoupled,
        coupled,
        amsgrad,
        maximize,
        epsInside,
      );
      Adam.vec(
        x + 16,
        g + 16,
        m + 16,
        v + 16,
        vmax + 16,
        vNegStep,
        vB1,
        vOneMinusB1,
        vB2,
        vOneMinusB2,
        vBc2,
        vBc2Sqrt,
        vEps,
        vWd,
        vFactor,
        decoupled,
        coupled,
        amsgrad,
        maximize,
        epsInside,
      );
    }
  }
}

export function adam(
  blocks: i32,
  x: usize,
  g: usize,
  m: usize,
  v: usize,
  vmax: usize,
  negStepSize: f64,
  beta1: f64,
  beta2: f64,
  bc2: f64,
  bc2Sqrt: f64,
  eps: f64,
  weightDecay: f64,
  decayFactor: f64,
  decoupled: i32,
  amsgrad: i32,
  maximize: i32,
  epsInside: i32,
): void {
  const coupled = !decoupled && weightDecay != 0;
  const plain = !amsgrad && !maximize && !epsInside;
  if (plain && !decoupled && !coupled) {
    Adam.loop(
      blocks,
      x,
      g,
      m,
      v,
      vmax,
      negStepSize,
      beta1,
      beta2,
      bc2,
      bc2Sqrt,
      eps,
      0,
      1,
      false,
      false,
      false,
      false,
      false,
    );
  } else if (plain && decoupled) {
    Adam.loop(
      blocks,
      x,
      g,
      m,
      v,
      vmax,
      negStepSize,
      beta1,
      beta2,
      bc2,
      bc2Sqrt,
      eps,
      0,
      decayFactor,
      true,
      false,
      false,
      false,
      false,
    );
  } else if (plain && coupled) {
    Adam.loop(
      blocks,
      x,
      g,
      m,
      v,
      vmax,
      negStepSize,
      beta1,
      beta2,
      bc2,
      bc2Sqrt,
      eps,
      weightDecay,
      1,
      false,
      true,
      false,
      false,
      false,
    );
  } else {
    Adam.loop(
      blocks,
      x,
      g,
      m,
      v,
      vmax,
      negStepSize,
      beta1,
      beta2,
      bc2,
      bc2Sqrt,
      eps,
      weightDecay,
      decayFactor,
      decoupled != 0,
      coupled,
      amsgrad != 0,
      maximize != 0,
      epsInside != 0,
    );
  }
}
