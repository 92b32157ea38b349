/**
 * The lecture's sparse-feature experiment at full speed: 20 epochs of per-sample logistic regression, SGD
 * (lr 0.01) and Adagrad (lr 0.1, eps 1e-8 as the lecture), on the SpamAssassin TF-IDF matrix (6,046 x
 * 48,407) and on RCV1-shaped synthetic data (23,149 x 47,236), against peers in the same run:
 *
 * - scikit-learn's SGDClassifier (log loss, constant lr 0.01, no penalty, shuffled every epoch, same initial
 *   weights) on the same svmlight file, 20 epochs measured (bench/sparse_sklearn.py);
 * - the lecture's dense per-sample method in torch (one 47k-wide float32 tensor per step, torch.optim)
 *   for `--torch-steps` steps, extrapolated to 20 epochs (bench/sparse_torch.py). Its loss and accuracy
 *   are compared with ours trained on the same rows in the same order from the same start.
 *
 * Like with like: ours is single-threaded, so every peer runs single-threaded (OPENBLAS_NUM_THREADS=1,
 * OMP_NUM_THREADS=1, MKL_NUM_THREADS=1 in its environment, torch.set_num_threads(1); bench/peers.ts), and
 * each record says so. Times are wall-clock: CPU time is not reported, as Node's includes its compiler and
 * garbage-collector threads and so does not mean what the peer's does.
 *
 * Spread: after one unrecorded run of each side, the whole comparison runs `--repeats` times (at least 3)
 * in the same run, ours and the peers in turn (each peer is one process that loads the data once and times one fit per request), and every record
 * carries the median and range of ours, of the peer and of the paired ratio (ours / peer of the same
 * repeat), with the load average before and after. Our times exclude loading and run with `evaluate: false`
 * (no per-epoch full-data pass, as the peers). Also measures the peak resident memory of a process that
 * generates the RCV1-shaped data and trains both optimizers (goal: under 100 MB). Prints a table and writes
 * build/bench/sparse.json.
 *
 *   npx tsx bench/sparse.ts [--repeats 5] [--torch-steps 2000] [--skip-sklearn] [--skip-torch] [--skip-rss]
 *
 * A peer that is not installed (Debian python3-sklearn, python3-torch) is skipped with a message.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  loadSpamAssassin,
  rcv1Like,
  writeSvmlight,
  type CSR,
  csrSelectRows,
  logisticEvaluate,
  trainLogistic,
  seeded,
  randn,
  shuffle,
} from "@dlopt/lib";
import {
  PeerProcess,
  formatSpread,
  machineRecord,
  pairedRatios,
  spread,
  threadRecord,
  type Spread,
} from "./peers";
import { flag, numberOption } from "./args";

const REPEATS = Math.max(3, numberOption("--repeats", 5));
const TORCH_STEPS = numberOption("--torch-steps", 2000);
const EPOCHS = 20;
const ALGORITHMS = [
  { algorithm: "SGD" as const, lr: 0.01, eps: 1e-8 },
  { algorithm: "Adagrad" as const, lr: 0.1, eps: 1e-8 },
];
const root = path.resolve(__dirname, "..");
const work = path.join(root, "build", "bench", "sparse");

interface BenchRecord {
  dataset: string;
  algorithm: string;
  epochs: number;
  peer: string;
  /** Seconds: median, range and every repeat. */
  ours_s: Spread;
  peer_s: Spread;
  /** ours / peer of the same repeat. */
  ratio: Spread;
  ours_loss: Spread | null;
  peer_loss: Spread | null;
  ours_accuracy: number | null;
  peer_accuracy: number | null;
  /** The implementation of ours that ran ("native", "wasm" or "js"). */
  ours_backend: string;
  /** The peer's threads: the environment it was started with and what it reported. */
  peer_threads: Record<string, unknown> | "ours, single-threaded";
  /** How peer_s was obtained and what the losses compare. */
  note: string;
}

function writeRaw(file: string, a: Float64Array | Int32Array): void {
  fs.writeFileSync(file, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

const num = (v: unknown): number => v as number;

interface DatasetTimes {
  sgd: Spread;
  adagrad: Spread;
  adagradOverSgd: Spread;
  sklearn: BenchRecord | null;
}

async function benchDataset(
  name: string,
  X: CSR,
  y: Float64Array,
  records: BenchRecord[],
): Promise<DatasetTimes> {
  fs.mkdirSync(work, { recursive: true });
  const svm = path.join(work, `${name}.svm`);
  const w0File = path.join(work, `${name}.w0.f64`);
  const orderFile = path.join(work, `${name}.order.i32`);
  writeSvmlight(svm, X, y);
  const w0 = randn(seeded(0), new Float64Array(X.cols), 0, 0.01);
  writeRaw(w0File, w0);
  const steps = Math.min(TORCH_STEPS, X.rows);
  const order = shuffle(
    seeded(123),
    Int32Array.from({ length: X.rows }, (_, i) => i),
  );
  writeRaw(orderFile, order);
  const nnz = X.indptr[X.rows];
  console.log(`${name}: ${X.rows} x ${X.cols}, ${nnz} non-zeros; ${svm}`);

  const sk = flag("--skip-sklearn")
    ? "--skip-sklearn"
    : await PeerProcess.start("sparse_sklearn.py", [svm, w0File, String(X.cols), String(EPOCHS), "0.01"], 1);
  const torch = flag("--skip-torch")
    ? "--skip-torch"
    : await PeerProcess.start("sparse_torch.py", [svm, w0File, String(X.cols), orderFile, String(steps)], 1);

  // Each repeat: ours SGD, ours Adagrad, scikit-learn, torch (both optimizers), in turn.
  const ours = { SGD: [] as number[], Adagrad: [] as number[] };
  const oursLoss = { SGD: [] as number[], Adagrad: [] as number[] };
  const oursAccuracy = { SGD: 0, Adagrad: 0 };
  let backend = "";
  const skTimes: number[] = [];
  const skLoss: number[] = [];
  let skAccuracy = 0;
  const torchPerStep = { SGD: [] as number[], Adagrad: [] as number[] };
  const torchResult: Record<string, Record<string, unknown>> = {};
  // One run of each side first, not recorded: code compiled, memory mapped, caches warm on both sides.
  for (const { algorithm, lr, eps } of ALGORITHMS) {
    trainLogistic(X, y, { optimizer: algorithm, lr, eps, epochs: EPOCHS, w0, seed: 99, evaluate: false });
  }
  if (typeof sk !== "string") await sk.run("99");
  for (let rep = 0; rep < REPEATS; rep++) {
    for (const { algorithm, lr, eps } of ALGORITHMS) {
      const t = performance.now();
      const res = trainLogistic(X, y, {
        optimizer: algorithm,
        lr,
        eps,
        epochs: EPOCHS,
        w0,
        seed: rep,
        evaluate: false,
      });
      ours[algorithm].push((performance.now() - t) / 1000);
      backend = res.backend;
      const m = logisticEvaluate(X, y, res.w, res.b);
      oursLoss[algorithm].push(m.loss);
      oursAccuracy[algorithm] = m.accuracy;
    }
    if (typeof sk !== "string") {
      const r = await sk.run(String(rep));
      skTimes.push(num(r.seconds));
      skLoss.push(num(r.loss));
      skAccuracy = num(r.accuracy);
    }
    if (typeof torch !== "string") {
      for (const { algorithm, lr, eps } of ALGORITHMS) {
        const r = await torch.run(`${algorithm} ${lr} ${eps}`);
        torchPerStep[algorithm].push(num(r.per_step));
        torchResult[algorithm] = r;
      }
    }
  }
  const sgd = spread(ours.SGD);
  const adagrad = spread(ours.Adagrad);
  const adagradOverSgd = spread(pairedRatios(ours.Adagrad, ours.SGD));
  for (const { algorithm } of ALGORITHMS) {
    console.log(
      `  ours (${backend}) ${algorithm}: ${formatSpread(spread(ours[algorithm]), 3)} s, loss ${spread(oursLoss[algorithm]).median.toFixed(4)}`,
    );
  }
  records.push({
    dataset: name,
    algorithm: "Adagrad",
    epochs: EPOCHS,
    peer: "ours SGD",
    ours_s: adagrad,
    peer_s: sgd,
    ratio: adagradOverSgd,
    ours_loss: spread(oursLoss.Adagrad),
    peer_loss: spread(oursLoss.SGD),
    ours_accuracy: oursAccuracy.Adagrad,
    peer_accuracy: oursAccuracy.SGD,
    ours_backend: backend,
    peer_threads: "ours, single-threaded",
    note: "Adagrad's cost over plain SGD, both ours, paired by repeat",
  });

  let skRecord: BenchRecord | null = null;
  if (typeof sk === "string") {
    console.log(`  scikit-learn: skipped (${sk})`);
  } else {
    sk.close();
    const skS = spread(skTimes);
    console.log(
      `  scikit-learn ${String(sk.ready.version)} SGDClassifier (1 thread): ${formatSpread(skS, 3)} s, loss ${spread(skLoss).median.toFixed(4)}`,
    );
    skRecord = {
      dataset: name,
      algorithm: "SGD",
      epochs: EPOCHS,
      peer: `scikit-learn ${String(sk.ready.version)} SGDClassifier, 1 thread`,
      ours_s: sgd,
      peer_s: skS,
      ratio: spread(pairedRatios(ours.SGD, skTimes)),
      ours_loss: spread(oursLoss.SGD),
      peer_loss: spread(skLoss),
      ours_accuracy: oursAccuracy.SGD,
      peer_accuracy: skAccuracy,
      ours_backend: backend,
      peer_threads: threadRecord(sk.launch, sk.ready.threads),
      note: "both measured, 20 epochs, same start, own shuffles (seed = repeat); sklearn damps its intercept updates (x0.01) on sparse data",
    };
    records.push(skRecord);
  }

  if (typeof torch === "string") {
    console.log(`  torch: skipped (${torch})`);
  } else {
    torch.close();
    const rows = order.subarray(0, steps);
    const Xs = csrSelectRows(X, rows);
    const ys = Float64Array.from(rows, (i) => y[i]);
    for (const { algorithm, lr, eps } of ALGORITHMS) {
      // Ours on the same rows, same order, same start: the same model up to float32.
      const same = trainLogistic(Xs, ys, {
        optimizer: algorithm,
        lr,
        eps,
        epochs: 1,
        w0,
        shuffle: false,
        evaluate: false,
      });
      const m = logisticEvaluate(X, y, same.w, same.b);
      const t = torchResult[algorithm];
      const extrapolated = torchPerStep[algorithm].map((s) => s * X.rows * EPOCHS);
      const peerS = spread(extrapolated);
      console.log(
        `  torch ${String(torch.ready.version)} dense ${algorithm} (1 thread): ${(spread(torchPerStep[algorithm]).median * 1e6).toFixed(0)} us/step, ` +
          `${formatSpread(peerS, 1)} s for ${EPOCHS} epochs (extrapolated); after ${steps} steps loss ` +
          `${num(t.loss).toFixed(6)} vs ours ${m.loss.toFixed(6)}`,
      );
      records.push({
        dataset: name,
        algorithm,
        epochs: EPOCHS,
        peer: `torch ${String(torch.ready.version)} dense per-sample (lecture's method), 1 thread`,
        ours_s: spread(ours[algorithm]),
        peer_s: peerS,
        ratio: spread(pairedRatios(ours[algorithm], extrapolated)),
        ours_loss: spread([m.loss]),
        peer_loss: spread([num(t.loss)]),
        ours_accuracy: m.accuracy,
        peer_accuracy: num(t.accuracy),
        ours_backend: backend,
        peer_threads: threadRecord(torch.launch, torch.ready.threads),
        note: `peer_s extrapolated from ${steps} steps; losses after the same ${steps} steps (same rows, order, start)`,
      });
    }
  }
  return { sgd, adagrad, adagradOverSgd, sklearn: skRecord };
}

const PEAK_KB =
  'require("fs").existsSync("/proc/self/status") ? Number(/VmHWM:\\s*(\\d+)/.exec(require("fs").readFileSync("/proc/self/status", "utf8"))[1]) : process.resourceUsage().maxRSS';

/** Peak RSS (MB) of a fresh process generating the RCV1-shaped data and training SGD and Adagrad. */
function measureRss(): { peak_mb: number; peak_mb_js: number; baseline_mb: number; how: string } | string {
  const dist = path.join(root, "lib", "dist", "index.js");
  if (!fs.existsSync(dist)) return "lib/dist missing: run npm run build:lib";
  const stale = [
    "sparse/trainLogistic",
    "sparse/wasmSparseLogistic",
    "sparse/nativeSparseLogistic",
    "data/rcv1Like",
  ].filter(
    (f) =>
      fs.statSync(path.join(root, "lib", "src", `${f}.ts`)).mtimeMs >
      fs.statSync(path.join(root, "lib", "dist", `${f}.js`)).mtimeMs,
  );
  if (stale.length > 0) return `lib/dist is older than lib/src (${stale.join(", ")}): run npm run build:lib`;
  const script = (backend: string): string => `
    const { rcv1Like } = require(${JSON.stringify(path.join(path.dirname(dist), "data", "rcv1Like.js"))});
    const { trainLogistic } = require(${JSON.stringify(path.join(path.dirname(dist), "sparse", "trainLogistic.js"))});
    const { X, y } = rcv1Like();
    trainLogistic(X, y, { optimizer: "SGD", lr: 0.01, epochs: ${EPOCHS}, backend: "${backend}" });
    trainLogistic(X, y, { optimizer: "Adagrad", lr: 0.1, eps: 1e-8, epochs: ${EPOCHS}, backend: "${backend}" });
    console.log(${PEAK_KB});`;
  // A clean environment: tsx's loader (NODE_OPTIONS) would add its own memory to the child.
  // Peak RSS from /proc/self/status VmHWM (per address space): getrusage's maxRSS would also count this
  // parent process's memory, which the child inherits in the accounting at fork.
  const env = { ...process.env, NODE_OPTIONS: "" };
  const run = (code: string): number => {
    const r = spawnSync(process.execPath, ["-e", code], { encoding: "utf8", env });
    if (r.status !== 0) throw new Error(r.stderr);
    return Number(r.stdout.trim()) / 1024;
  };
  return {
    peak_mb: run(script("auto")),
    peak_mb_js: run(script("js")),
    baseline_mb: run(`console.log(${PEAK_KB})`),
    how:
      "peak RSS (VmHWM) of `node -e` loading lib/dist/data/rcv1Like and lib/dist/sparse/trainLogistic, rcv1Like(), 20 epochs of SGD and of Adagrad with per-epoch evaluation; " +
      "peak_mb with the default kernel (native where built, else WebAssembly, which copies X into its memory), peak_mb_js with the TypeScript path",
  };
}

function fmt(v: number | null, digits: number): string {
  return v === null || !Number.isFinite(v) ? "-" : v.toFixed(digits);
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const records: BenchRecord[] = [];
  const spam = loadSpamAssassin();
  const spamTimes = await benchDataset("spamassassin", spam.X, spam.y, records);
  const rcv = rcv1Like();
  const rcvTimes = await benchDataset("rcv1-like", rcv.X, rcv.y, records);
  let rss: ReturnType<typeof measureRss> | null = null;
  if (!flag("--skip-rss")) {
    rss = measureRss();
    if (typeof rss === "string") console.log(`rss: skipped (${rss})`);
  }

  const header = [
    "dataset",
    "algorithm",
    "peer",
    "ours s",
    "peer s",
    "ours / peer",
    "ours loss",
    "peer loss",
  ];
  const rows = records.map((r) => [
    r.dataset,
    r.algorithm,
    r.peer,
    formatSpread(r.ours_s, 3),
    formatSpread(r.peer_s, r.peer_s.median > 10 ? 1 : 3),
    formatSpread(r.ratio, r.ratio.median < 0.01 ? 5 : 3),
    fmt(r.ours_loss?.median ?? null, 4),
    fmt(r.peer_loss?.median ?? null, 4),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]): string => cells.map((s, c) => s.padEnd(widths[c])).join("  ");
  console.log(`\nmedian (range) of ${REPEATS} repeats, wall-clock seconds`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));

  const rssMb = rss && typeof rss !== "string" ? rss.peak_mb : null;
  const lossDiff = (r: BenchRecord | null): number | null =>
    r === null || r.ours_loss === null || r.peer_loss === null
      ? null
      : Math.abs(r.ours_loss.median - r.peer_loss.median);
  // Each goal on the median of the paired ratios, with their range beside it.
  const goals = [
    {
      goal: "SpamAssassin SGD 20 epochs <= 1.0x scikit-learn (1 thread)",
      value: spamTimes.sklearn?.ratio ?? null,
      limit: 1,
    },
    {
      goal: "SpamAssassin SGD loss within 1e-3 of scikit-learn's",
      value: lossDiff(spamTimes.sklearn),
      limit: 1e-3,
    },
    {
      goal: "RCV1-shaped SGD 20 epochs <= 1.0x scikit-learn (1 thread)",
      value: rcvTimes.sklearn?.ratio ?? null,
      limit: 1,
    },
    {
      goal: "RCV1-shaped SGD loss within 1e-3 of scikit-learn's",
      value: lossDiff(rcvTimes.sklearn),
      limit: 1e-3,
    },
    { goal: "SpamAssassin Adagrad <= 1.25x our SGD", value: spamTimes.adagradOverSgd, limit: 1.25 },
    { goal: "RCV1-shaped Adagrad <= 1.25x our SGD", value: rcvTimes.adagradOverSgd, limit: 1.25 },
    { goal: "RCV1-shaped SGD 20 epochs < 0.5 s", value: rcvTimes.sgd, limit: 0.5 },
    { goal: "RCV1-shaped Adagrad 20 epochs < 0.5 s", value: rcvTimes.adagrad, limit: 0.5 },
    { goal: "RCV1-shaped data + model peak RSS < 100 MB", value: rssMb, limit: 100 },
  ].map((g) => {
    const median = g.value === null ? null : typeof g.value === "number" ? g.value : g.value.median;
    return {
      goal: g.goal,
      median,
      range: g.value === null || typeof g.value === "number" ? null : [g.value.min, g.value.max],
      limit: g.limit,
      pass: median === null ? null : median <= g.limit,
    };
  });
  console.log("");
  for (const g of goals) {
    const range = g.range === null ? "" : ` (range ${g.range[0].toFixed(3)}-${g.range[1].toFixed(3)})`;
    const value =
      g.median === null ? "skipped" : g.limit < 0.01 ? g.median.toExponential(1) : g.median.toFixed(3);
    console.log(`${g.goal}: ${value}${range} ${g.pass === null ? "" : g.pass ? "pass" : "FAIL"}`);
  }
  if (rss && typeof rss !== "string") {
    console.log(
      `peak RSS ${rss.peak_mb.toFixed(1)} MB with the default kernel, ${rss.peak_mb_js.toFixed(1)} MB with the TypeScript path (an empty node process: ${rss.baseline_mb.toFixed(1)} MB)`,
    );
  }
  const machine = {
    ...machineRecord(loadBefore),
    note: "shared machine: other processes ran during the benchmark (see the load averages); ours and the peers ran in turn, so both sampled the same load, and the figures are medians of paired repeats",
  };
  console.log(
    `\n${machine.cpu}, ${machine.cores} cores, load average ${machine.loadavg_before[0].toFixed(2)} -> ${machine.loadavg_after[0].toFixed(2)}`,
  );
  const out = path.join(root, "build", "bench", "sparse.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        benchmark: "sparse",
        repeats: REPEATS,
        epochs: EPOCHS,
        timing:
          "wall-clock seconds; median, min, max and every repeat; ratio = ours / peer of the same repeat",
        records,
        rss,
        goals,
        machine,
      },
      null,
      2,
    ) + "\n",
  );
  console.log(`wrote ${path.relative(root, out)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
