/**
 * Runs cells in Node with tslab's own converter and executor (the code the Jupyter kernel runs), from the
 * notebooks folder as the kernel does, and prints what each cell wrote as JSON:
 * `[{ ok, stdout, stderr }]`. Used by the browser runtime test as the reference. Cells: JSON on stdin.
 */
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");

async function main(): Promise<void> {
  const cells = JSON.parse(fs.readFileSync(0, "utf8")) as string[];
  process.chdir(path.join(root, "notebooks"));

  const { createConverter } = require("tslab/dist/converter");
  const { createExecutor } = require("tslab/dist/executor");

  const conv = createConverter();
  const convs = { node: conv, browser: conv, close: () => conv.close() };
  const executor = createExecutor(process.cwd(), convs, { log: console.log, error: console.error });
  const out: { ok: boolean; stdout: string; stderr: string }[] = [];
  const write = { stdout: process.stdout.write.bind(process.stdout), stderr: process.stderr.write };
  for (const cell of cells) {
    const r = { ok: false, stdout: "", stderr: "" };
    process.stdout.write = ((s: string) => ((r.stdout += s), true)) as typeof process.stdout.write;
    process.stderr.write = ((s: string) => ((r.stderr += s), true)) as typeof process.stderr.write;
    try {
      r.ok = await executor.execute(cell);
    } finally {
      process.stdout.write = write.stdout;
      process.stderr.write = write.stderr;
    }
    out.push(r);
  }
  write.stdout(JSON.stringify(out) + "\n");
  process.exit(0);
}

void main();
