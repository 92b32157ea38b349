/**
 * The API reference of lib, generated from its TSDoc by TypeDoc into <site>/api/, with the math of each
 * optimizer rendered by KaTeX (plugin typedocKatex.ts). TypeDoc runs in a child process (it is ESM-only),
 * with tsx loaded so that the plugin can be TypeScript.
 */
import { spawn } from "child_process";
import * as path from "path";
import { stripAnsi } from "../../jupyter/html";

export interface ApiDocsResult {
  ok: boolean;
  seconds: number;
  /** TypeDoc's warnings and errors. */
  log: string;
}

/** Runs TypeDoc on lib/src/index.ts; resolves when done, never rejects. */
export function buildApiDocs(root: string, outDir: string, title: string): Promise<ApiDocsResult> {
  const args = [
    "--import",
    "tsx",
    path.join(root, "node_modules", "typedoc", "bin", "typedoc"),
    "--entryPoints",
    path.join(root, "lib", "src", "index.ts"),
    "--tsconfig",
    path.join(root, "lib", "tsconfig.json"),
    "--out",
    outDir,
    "--name",
    `${title}: API reference of @dlopt/lib`,
    "--readme",
    "none",
    "--plugin",
    path.join(root, "scripts", "site", "typedocKatex.ts"),
    "--excludePrivate",
    "--excludeInternal",
    "--disableSources",
    "--skipErrorChecking",
    "--githubPages",
    "false",
    "--validation.notExported",
    "false",
    "--logLevel",
    "Warn",
  ];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    child.on("close", (code) =>
      resolve({ ok: code === 0, seconds: (Date.now() - started) / 1000, log: stripAnsi(log).trim() }),
    );
  });
}
