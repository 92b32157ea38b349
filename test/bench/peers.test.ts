import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as path from "path";
import { SINGLE_THREAD_ENV, pairedRatios, peerLaunch, spread, threadRecord } from "../../bench/peers";

describe("peerLaunch", () => {
  it("starts a single-threaded peer with OPENBLAS, OMP and MKL at one thread, overriding the caller's values", () => {
    const launch = peerLaunch("sparse_sklearn.py", ["a.svm"], 1, "/usr/bin/python3", {
      PATH: "/usr/bin",
      OMP_NUM_THREADS: "8",
    });
    assert.equal(launch.env.OPENBLAS_NUM_THREADS, "1");
    assert.equal(launch.env.OMP_NUM_THREADS, "1");
    assert.equal(launch.env.MKL_NUM_THREADS, "1");
    for (const [key, value] of Object.entries(SINGLE_THREAD_ENV)) assert.equal(launch.env[key], value);
    assert.equal(launch.env.PATH, "/usr/bin");
  });

  it("tells the script to use one thread (torch scripts then call torch.set_num_threads(1))", () => {
    const launch = peerLaunch("mlp_torch.py", ["dir"], 1, "/usr/bin/python3", {});
    assert.equal(launch.command, "/usr/bin/python3");
    assert.equal(launch.args[0], path.resolve(__dirname, "..", "..", "bench", "mlp_torch.py"));
    assert.deepEqual(launch.args.slice(1), ["dir", "--threads", "1"]);
  });

  it("a multi-threaded peer gets none of the variables and is labelled so", () => {
    const launch = peerLaunch("mlp_torch.py", [], "default", "python3", {
      OMP_NUM_THREADS: "1",
      HOME: "/root",
    });
    assert.equal(launch.env.OMP_NUM_THREADS, undefined);
    assert.equal(launch.env.HOME, "/root");
    assert.deepEqual(launch.args.slice(1), ["--threads", "default"]);
    assert.equal(threadRecord(launch, null).threads, "library default (multi-threaded)");
  });

  it("the record of a single-threaded peer names its variables", () => {
    const record = threadRecord(peerLaunch("x.py", [], 1, "python3", {}), { num_threads: 1 });
    assert.equal(record.threads, "single");
    assert.deepEqual((record.env as Record<string, string>).OMP_NUM_THREADS, "1");
    assert.deepEqual(record.reported_by_peer, { num_threads: 1 });
  });

  it("the torch and scikit-learn scripts read --threads and the torch ones set torch's threads from it", async () => {
    const fs = await import("fs");
    for (const script of ["mlp_torch.py", "sparse_torch.py"]) {
      const text = fs.readFileSync(path.resolve(__dirname, "..", "..", "bench", script), "utf8");
      assert.match(text, /"--threads"/);
      assert.match(text, /torch\.set_num_threads\(1\)/);
    }
  });
});

describe("spread and pairedRatios", () => {
  it("give the median and range of the repeats, in the order taken", () => {
    assert.deepEqual(spread([3, 1, 2]), { median: 2, min: 1, max: 3, runs: [3, 1, 2] });
    assert.equal(spread([4, 1, 2, 3]).median, 2.5);
    assert.deepEqual(pairedRatios([2, 3], [4, 3]), [0.5, 1]);
    assert.throws(() => pairedRatios([1], [1, 2]), /unpaired runs/);
    assert.throws(() => spread([]), /no values/);
  });
});
