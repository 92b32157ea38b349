/**
 * `npm run build:lite`: the JupyterLite edition in build/lite/ (static files only; lite/build.ts says what
 * is in it): the browser runtime (browser/build.ts), the student versions of the lessons (the grader's
 * release) as the workspace's files, and JupyterLab and Notebook 7 built from npm packages.
 *
 * The JupyterLite packages are lite/'s own (lite/package.json and its lock file), installed here the first
 * time (and again when the lock file is newer than lite/node_modules), so that the course's `npm install`
 * stays as it is.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildBrowser } from "../browser/build";
import { releaseAll } from "../grader/release";

const ROOT = path.resolve(__dirname, "..");
const LITE = path.join(ROOT, "lite");
export const LITE_OUT = path.join(ROOT, "build", "lite");

/** Installs lite/node_modules from lite's lock file when missing or older than it. */
export function ensureLiteInstalled(log: (s: string) => void = console.log): void {
  const modules = path.join(LITE, "node_modules", ".package-lock.json");
  const lock = path.join(LITE, "package-lock.json");
  if (fs.existsSync(modules) && fs.statSync(modules).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  log("installing lite/ (npm ci --prefix lite), once");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["ci", "--prefix", LITE, "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`npm ci --prefix lite failed (exit ${r.status})`);
}

export async function buildLiteSite(log: (s: string) => void = console.log): Promise<void> {
  ensureLiteInstalled(log);
  await buildBrowser();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lite-release-"));
  try {
    const notebooks = releaseAll(tmp, path.join(ROOT, "notebooks"));
    // lite/build.ts stands on lite/node_modules, which the main install does not have: loaded when needed.
    const { buildLite } = require(path.join(LITE, "build")) as {
      buildLite(o: { out: string; runtime: string; notebooks: string[] }): Promise<void>;
    };
    await buildLite({ out: LITE_OUT, runtime: path.join(ROOT, "build", "browser"), notebooks });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const t0 = Date.now();
  buildLiteSite().then(
    () => console.log(`build/lite in ${((Date.now() - t0) / 1000).toFixed(1)} s`),
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
