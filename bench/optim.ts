/**
 * One optimizer step on 1e6 float64 parameters: SGD with momentum, Adagrad, RMSprop and Adam. Ours (the
 * fused kernels of lib/src/optim/fastOptimizer.ts: native where `npm install` built them, and WebAssembly
 * SIMD; the readable TypeScript optimizers for reference) against torch's CPU optimizers in the same run, one thread (torch.set_num_threads(1)),
 * taking for each optimizer torch's fastest implementation among the default, foreach=True and fused=True
 * (bench/optim_torch.py). The memory floor of a step is the bytes it must move (Adam: x, g, m, v read and
 * x, m, v written, 56 bytes per parameter) divided by the bandwidth of Float64Array.set measured in the same
 * run on arrays larger than the last-level cache.
 *
 * Prints a table and writes build/bench/optim-step.json: a list of records {optimizer, n, dtype, ours_ms,
 * peer: "torch <version> <variant>", peer_ms, ratio (peer_ms / ours_ms: above 1, ours is faster),
 * bandwidth_fraction (floor_ms / ours_ms)}, plus the details (ours_backend, ours_wasm_ms, ours_js_ms, every
 * torch variant, floor_ms). ours_ms is the default backend's time (native when built). The floor uses DRAM
 * bandwidth; at 1e6 parameters part of the arrays stays in the last-level cache between steps, for ours and
 * torch alike, so a kernel can beat it (a fraction above 1).
 *
 *   npx tsx bench/optim.ts [--n 1000000] [--reps 200] [--rounds 3] [--skip-torch]   (npm run bench -- optim)
 *
 * torch comes from a virtual environment this script makes (build/bench/torch-venv: `python3 -m venv`, then
 * `pip install --retries 0 torch`, from local wheels on these machines), else from Debian's python3-torch;
 * without either the torch columns are skipped with a message. Each time is the median over rounds (ours,
 * then torch, in turn) of the median of many repetitions after a warm-up; torch stops a slow variant after
 * 2 s once it has 20 steps. Wall-clock on whatever load the machine has: run it alone.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  randn,
  seeded,
  type Optimizer,
  fastOptimizer,
  fastOptimizerBackends,
  fastOptimizerBytesPerParameter,
  type FastBackend,
  type FastOptimizerName,
  optimizers,
} from "@dlopt/lib";
import { SINGLE_THREAD_ENV } from "./peers";
import { flag, numberOption } from "./args";

const N = numberOption("--n", 1e6);
const REPS = numberOption("--reps", 200);
const ROUNDS = numberOption("--rounds", 3);
const WARMUP = 20;
const root = path.resolve(__dirname, "..");
const outDir = path.join(root, "build", "bench");

/** The four optimizers, with the options bench/optim_torch.py gives torch. */
const SPECS: { optimizer: string; name: FastOptimizerName; options: Record<string, unknown> }[] = [
  { optimizer: "SGD-momentum", name: "SGD", options: { lr: 0.01, momentum: 0.9 } },
  { optimizer: "Adagrad", name: "Adagrad", options: { lr: 0.01 } },
  { optimizer: "RMSprop", name: "RMSprop", options: { lr: 0.01 } },
  { optimizer: "Adam", name: "Adam", options: { lr: 1e-3 } },
];

interface StepRecord {
  optimizer: string;
  n: number;
  dtype: "float64";
  ours_ms: number;
  peer: string | null;
  peer_ms: number | null;
  ratio: number | null;
  bandwidth_fraction: number;
  ours_backend: string;
  ours_wasm_ms: number | null;
  ours_js_ms: number;
  floor_ms: number;
  bytes_per_parameter: number;
  bandwidth_gb_s: number;
  torch_variants_ms: Record<string, number | null> | null;
  /** Where and under what load: CPU model, Node version, 1-minute load average at the end of the run. */
  machine: { cpu: string; node: string; cores: number; load_average: number };
}

/** Median wall time in ms of `f` over `reps` calls after `warmup` calls. */
function medianMs(f: () => void, reps = REPS, warmup = WARMUP): number {
  for (let i = 0; i < warmup; i++) f();
  const times = new Float64Array(reps);
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    f();
    times[i] = performance.now() - t0;
  }
  times.sort();
  return reps % 2 === 1 ? times[(reps - 1) / 2] : (times[reps / 2 - 1] + times[reps / 2]) / 2;
}

/** Copy bandwidth in bytes per ms (bytes read plus written) of Float64Array.set on 2 x 32 MB arrays. */
function copyBandwidth(): number {
  const len = 4e6; // 32 MB each: together twice this machine's 32 MB L3, so the copy streams from DRAM
  const src = randn(seeded(1), new Float64Array(len));
  const dst = new Float64Array(len);
  const ms = medianMs(() => dst.set(src), Math.max(50, REPS / 2), 5);
  return (2 * 8 * len) / ms;
}

function oursKernel(
  spec: (typeof SPECS)[number],
  x0: Float64Array,
  g0: Float64Array,
  backend: FastBackend,
): number {
  const opt = fastOptimizer(spec.name, x0, spec.options as never, { backend });
  opt.g.set(g0);
  return medianMs(() => opt.step());
}

function oursJs(spec: (typeof SPECS)[number], x0: Float64Array, g0: Float64Array): number {
  const opt = optimizers[spec.name](spec.options) as Optimizer<unknown>;
  const x = Float64Array.from(x0);
  const state = opt.init(x);
  return medianMs(() => opt.step(x, g0, state), Math.max(20, REPS / 4), 5);
}

interface TorchResult {
  version: string;
  threads: number;
  results: Record<string, Record<string, number | null>>;
  errors: Record<string, string>;
}

/** A python with torch: the benchmark's venv (made on first use), else Debian's. A message if neither. */
function torchPython(): string | { skipped: string } {
  const venv = path.join(outDir, "torch-venv");
  const venvPython = path.join(venv, "bin", "python");
  const hasTorch = (python: string) =>
    spawnSync(python, ["-c", "import torch"], { stdio: "ignore", timeout: 120_000 }).status === 0;
  if (!fs.existsSync(venvPython)) {
    console.log(`making ${path.relative(root, venv)}: python3 -m venv, pip install --retries 0 torch`);
    const made = spawnSync("python3", ["-m", "venv", venv], { stdio: "inherit", timeout: 300_000 });
    if (made.status === 0) {
      spawnSync(venvPython, ["-m", "pip", "install", "--retries", "0", "--quiet", "torch"], {
        stdio: "inherit",
        timeout: 600_000,
      });
    }
  }
  if (fs.existsSync(venvPython) && hasTorch(venvPython)) return venvPython;
  if (hasTorch("/usr/bin/python3")) return "/usr/bin/python3";
  return {
    skipped: "no python with torch: pip install into build/bench/torch-venv failed, no python3-torch",
  };
}

function runTorch(python: string): TorchResult | { skipped: string } {
  const script = path.join(__dirname, "optim_torch.py");
  const r = spawnSync(python, [script, String(N), String(REPS), String(WARMUP)], {
    encoding: "utf8",
    env: { ...process.env, ...SINGLE_THREAD_ENV },
    timeout: 1_800_000,
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0)
    return { skipped: `${python} ${script} failed: ${(r.stderr || "").trim().slice(-500)}` };
  return JSON.parse(r.stdout.trim().split("\n").pop() as string) as TorchResult;
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const h = v.length >> 1;
  return v.length % 2 === 1 ? v[h] : (v[h - 1] + v[h]) / 2;
}

/** Per optimizer and variant, the median over rounds of torch's medians (null where a variant failed). */
function torchMedians(rounds: TorchResult[]): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const name of Object.keys(rounds[0].results)) {
    out[name] = {};
    for (const variant of Object.keys(rounds[0].results[name])) {
      const ms = rounds.map((r) => r.results[name][variant]).filter((v): v is number => v !== null);
      out[name][variant] = ms.length === rounds.length ? median(ms) : null;
    }
  }
  return out;
}

function main(): void {
  const rng = seeded(2026);
  const x0 = randn(rng, new Float64Array(N));
  const g0 = randn(rng, new Float64Array(N));
  console.log(
    `n = ${N} float64, one thread; medians of ${REPS} steps after ${WARMUP}, median of ${ROUNDS} rounds`,
  );
  let python: string | { skipped: string } = { skipped: "--skip-torch" };
  if (!flag("--skip-torch")) python = torchPython();
  // Rounds alternate ours and torch, so that both meet the same load when the machine is shared.
  const bandwidths: number[] = [];
  const available = fastOptimizerBackends();
  const backend = available[0];
  const hasWasm = available.includes("wasm");
  console.log(`ours: the ${backend} backend (${available.join(", ")} available)`);
  const kernelMs: number[][] = SPECS.map(() => []);
  const wasmMs: number[][] = SPECS.map(() => []);
  const jsMs: number[][] = SPECS.map(() => []);
  const torchRounds: TorchResult[] = [];
  let skipped = typeof python === "string" ? "" : python.skipped;
  for (let round = 0; round < ROUNDS; round++) {
    bandwidths.push(copyBandwidth());
    SPECS.forEach((spec, k) => {
      kernelMs[k].push(oursKernel(spec, x0, g0, backend));
      if (hasWasm && backend !== "wasm") wasmMs[k].push(oursKernel(spec, x0, g0, "wasm"));
      jsMs[k].push(oursJs(spec, x0, g0));
    });
    if (typeof python === "string" && !skipped) {
      const t = runTorch(python);
      if ("skipped" in t) skipped = t.skipped;
      else torchRounds.push(t);
    }
    console.log(`round ${round + 1}/${ROUNDS} done`);
  }
  const bandwidth = median(bandwidths);
  console.log(`Float64Array.set bandwidth: ${(bandwidth / 1e6).toFixed(1)} GB/s (read + write, 2 x 32 MB)`);
  const ours = SPECS.map((_, k) => ({
    kernel: median(kernelMs[k]),
    wasm: backend === "wasm" ? median(kernelMs[k]) : hasWasm ? median(wasmMs[k]) : null,
    js: median(jsMs[k]),
  }));
  const torch:
    { version: string; results: Record<string, Record<string, number | null>> } | { skipped: string } =
    skipped || torchRounds.length === 0
      ? { skipped: skipped || "no rounds" }
      : { version: torchRounds[0].version, results: torchMedians(torchRounds) };
  if ("skipped" in torch) console.log(`torch: skipped (${torch.skipped})`);
  else {
    console.log(`torch ${torch.version}, ${torchRounds[0].threads} thread(s)`);
    for (const [k, e] of Object.entries(torchRounds[0].errors)) console.log(`torch ${k}: ${e}`);
  }

  const machine = {
    cpu: os.cpus()[0]?.model ?? "unknown",
    node: process.version,
    cores: os.cpus().length,
    load_average: os.loadavg()[0],
  };
  console.log(
    `${machine.cpu}, ${machine.cores} cores, node ${machine.node}, load average ${machine.load_average.toFixed(1)}`,
  );
  const records: StepRecord[] = SPECS.map((spec, k) => {
    const bytes = fastOptimizerBytesPerParameter(
      spec.name,
      fastOptimizer(spec.name, 0, spec.options as never).config,
    );
    const floor = (bytes * N) / bandwidth;
    let peer: string | null = null;
    let peerMs: number | null = null;
    let variants: Record<string, number | null> | null = null;
    if (!("skipped" in torch)) {
      variants = torch.results[spec.name];
      for (const [variant, ms] of Object.entries(variants)) {
        if (ms !== null && (peerMs === null || ms < peerMs)) {
          peerMs = ms;
          peer = `torch ${torch.version} ${variant}`;
        }
      }
    }
    return {
      optimizer: spec.optimizer,
      n: N,
      dtype: "float64",
      ours_ms: ours[k].kernel,
      peer,
      peer_ms: peerMs,
      ratio: peerMs === null ? null : peerMs / ours[k].kernel,
      bandwidth_fraction: floor / ours[k].kernel,
      ours_backend: backend,
      ours_wasm_ms: ours[k].wasm,
      ours_js_ms: ours[k].js,
      floor_ms: floor,
      bytes_per_parameter: bytes,
      bandwidth_gb_s: bandwidth / 1e6,
      torch_variants_ms: variants,
      machine,
    };
  });

  const f = (v: number | null | undefined, digits = 2) =>
    v === null || v === undefined ? "-" : v.toFixed(digits);
  console.log(
    `\n| optimizer | ours ${backend} (ms) | ours wasm (ms) | ours JS (ms) | torch default | torch foreach | torch fused | peer | ratio peer/ours | floor (ms) | of floor |`,
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const r of records) {
    const v = r.torch_variants_ms ?? {};
    console.log(
      `| ${r.optimizer} | ${f(r.ours_ms)} | ${f(r.ours_wasm_ms)} | ${f(r.ours_js_ms)} | ${f(v.default)} | ${f(v.foreach)} | ${f(v.fused)} | ` +
        `${r.peer ?? "-"} | ${r.ratio === null ? "-" : `${f(r.ratio)}x`} | ${f(r.floor_ms)} | ${(100 * r.bandwidth_fraction).toFixed(0)}% |`,
    );
  }
  const adam = records.find((r) => r.optimizer === "Adam") as StepRecord;
  const behind = records.filter((r) => r.ratio !== null && r.ratio < 1).map((r) => r.optimizer);
  const versusTorch = records.some((r) => r.ratio === null)
    ? "not measured (no torch)"
    : behind.length === 0
      ? "met"
      : `not met for ${behind.join(", ")}`;
  console.log(
    `\ngoals: >= 1.0x torch's fastest for every optimizer: ${versusTorch}; ` +
      `Adam at >= 75% of the memory floor: ${adam.bandwidth_fraction >= 0.75 ? "met" : "not met"} ` +
      `(${(100 * adam.bandwidth_fraction).toFixed(0)}%)`,
  );
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, "optim-step.json");
  fs.writeFileSync(out, JSON.stringify(records, null, 2) + "\n");
  console.log(`wrote ${path.relative(root, out)}`);
}

main();
