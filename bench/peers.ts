/**
 * What the benchmarks share: how a Python peer (scikit-learn, torch) is started, single-threaded unless a
 * record says otherwise; the long-lived peer process that times one run per request, so that ours and the
 * peer's runs interleave in the same minutes; the median and range of repeated figures; and the machine's
 * load. A file starting with "_" or named here is not a benchmark of its own (bench/run.ts lists *.ts).
 */
import { spawn } from "child_process";
import * as os from "os";
import * as path from "path";
import * as readline from "readline";

/**
 * The environment variables that make numpy's, scikit-learn's and torch's thread pools single-threaded
 * (OpenBLAS, OpenMP, MKL, Apple Accelerate, numexpr). Ours is single-threaded: so is a peer compared with it.
 */
export const SINGLE_THREAD_ENV: Readonly<Record<string, string>> = {
  OPENBLAS_NUM_THREADS: "1",
  OMP_NUM_THREADS: "1",
  MKL_NUM_THREADS: "1",
  VECLIB_MAXIMUM_THREADS: "1",
  NUMEXPR_NUM_THREADS: "1",
};

/** A peer's threads: 1 (the variables above, and torch.set_num_threads(1)) or the library's default. */
export type PeerThreads = 1 | "default";

/** How a peer script is started: the command, its arguments and its whole environment. */
export interface PeerLaunch {
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
  threads: PeerThreads;
}

/** The Python interpreters tried in turn: Debian's (python3-sklearn, python3-torch), then the PATH's. */
export const PYTHONS = ["/usr/bin/python3", "python3"];

/**
 * The launch of bench/<script> under `python`: with `threads` 1, the single-thread variables override the
 * caller's environment and the script gets `--threads 1` (torch scripts then call torch.set_num_threads(1));
 * with "default", the variables are removed so the library picks its own number of threads.
 */
export function peerLaunch(
  script: string,
  args: string[],
  threads: PeerThreads,
  python = PYTHONS[0],
  base: Record<string, string | undefined> = process.env,
): PeerLaunch {
  const env: Record<string, string | undefined> = { ...base };
  for (const key of Object.keys(SINGLE_THREAD_ENV)) {
    if (threads === 1) env[key] = SINGLE_THREAD_ENV[key];
    else delete env[key];
  }
  return {
    command: python,
    args: [path.join(__dirname, script), ...args, "--threads", threads === 1 ? "1" : "default"],
    env,
    threads,
  };
}

/** What a benchmark record says about a peer's threads. */
export function threadRecord(launch: PeerLaunch, reported: unknown): Record<string, unknown> {
  const env: Record<string, string | null> = {};
  for (const key of Object.keys(SINGLE_THREAD_ENV)) env[key] = launch.env[key] ?? null;
  return {
    threads: launch.threads === 1 ? "single" : "library default (multi-threaded)",
    env,
    reported_by_peer: reported,
  };
}

/**
 * A peer script that loads its data once, prints one JSON line ({ready: true, ...}), then answers each
 * line written to it with one JSON line (one timed run), until its input closes.
 */
export class PeerProcess {
  private lines: AsyncIterator<string>;
  private constructor(
    private readonly child: ReturnType<typeof spawn>,
    readonly launch: PeerLaunch,
    readonly ready: Record<string, unknown>,
    lines: AsyncIterator<string>,
  ) {
    this.lines = lines;
  }

  /** Starts the peer under the first Python of {@link PYTHONS} that runs it; a reason string if none does. */
  static async start(script: string, args: string[], threads: PeerThreads): Promise<PeerProcess | string> {
    let reason = "python3 not found";
    for (const python of PYTHONS) {
      const launch = peerLaunch(script, args, threads, python);
      const child = spawn(launch.command, launch.args, {
        env: launch.env as NodeJS.ProcessEnv,
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
      const spawned = await new Promise<boolean>((resolve) => {
        child.once("spawn", () => resolve(true));
        child.once("error", () => resolve(false));
      });
      if (!spawned) continue;
      const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const first = await lines.next();
      if (first.done) {
        await new Promise((resolve) =>
          child.exitCode !== null ? resolve(null) : child.once("close", resolve),
        );
        const err = stderr.trim().split("\n").slice(-1)[0] ?? "";
        reason = /No module named/.test(err) ? `${err} (install the Debian package)` : `${script}: ${err}`;
        continue;
      }
      return new PeerProcess(child, launch, JSON.parse(first.value) as Record<string, unknown>, lines);
    }
    return reason;
  }

  /** Sends one request line; resolves to the peer's JSON answer. */
  async run(request: string): Promise<Record<string, unknown>> {
    this.child.stdin!.write(request + "\n");
    const answer = await this.lines.next();
    if (answer.done) throw new Error(`${this.launch.args[0]} ended without answering "${request}"`);
    return JSON.parse(answer.value) as Record<string, unknown>;
  }

  close(): void {
    this.child.stdin!.end();
  }
}

/** A repeated figure: its median, its range and every run, in the order taken. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** The median (mean of the middle two for an even count), minimum and maximum of `values`. */
export function spread(values: number[]): Spread {
  if (values.length === 0) throw new RangeError("spread of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: [...values] };
}

/** Ratios a[k] / b[k] of paired runs (the same repeat of ours and of the peer). */
export function pairedRatios(a: number[], b: number[]): number[] {
  if (a.length !== b.length) throw new RangeError(`unpaired runs: ${a.length} and ${b.length}`);
  return a.map((v, k) => v / b[k]);
}

/** "0.118 (0.112-0.131)": a median with its range. */
export function formatSpread(s: Spread, digits: number): string {
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}-${s.max.toFixed(digits)})`;
}

/** Where a benchmark ran, and under what load. */
export interface MachineRecord {
  cpu: string;
  cores: number;
  memory_gib: number;
  node: string;
  /** os.loadavg() (1, 5, 15 minutes) before and after the benchmark. */
  loadavg_before: number[];
  loadavg_after: number[];
  date: string;
}

/** The machine, and its load average (1, 5, 15 minutes) before and after the benchmark. */
export function machineRecord(loadBefore: number[]): MachineRecord {
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadavg_before: loadBefore,
    loadavg_after: os.loadavg(),
    date: new Date().toISOString(),
  };
}
