/**
 * `npm start`: releases the student versions of the notebooks (build/release/, the grader's release) and
 * gives the learner working copies of them (workspace/, never overwriting an edited one), makes sure Jupyter and the tslab kernel are there, and launches JupyterLab on the workspace.
 * Environment: PORT (default 8888), COURSE_WORKSPACE (default workspace/), JUPYTER_TOKEN (default: random).
 */
import { spawn } from "child_process";
import { randomBytes } from "crypto";
import * as path from "path";
import { releaseAll } from "../grader/release";
import { ROOT, ensureLabSettings, jupyterEnv, labArgs, prepareJupyter } from "../jupyter/environment";
import { syncWorkspace, workspaceDir } from "./workspace";

function main(): void {
  const dir = workspaceDir();
  // Learners get the student versions: solutions stubbed, hidden tests removed (the grader's release).
  let released: string[];
  try {
    released = releaseAll();
  } catch (e) {
    console.error(`could not release the student notebooks: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  console.log(`released ${released.length} student notebooks into build/release/`);
  const report = syncWorkspace(released, dir);
  const where = path.relative(ROOT, dir) + "/";
  for (const n of report.added) console.log(`added ${where}${n}`);
  for (const n of report.updated) console.log(`updated ${where}${n} (you had not edited it)`);
  for (const n of report.besides) console.log(`kept your edited copy; the new version is ${where}${n}`);
  const python = prepareJupyter();
  ensureLabSettings();
  const port = Number(process.env.PORT ?? 8888);
  const token = process.env.JUPYTER_TOKEN ?? randomBytes(16).toString("hex");
  const lab = spawn(python, labArgs({ port, rootDir: dir, token }), {
    cwd: dir,
    env: jupyterEnv(process.env, python),
    stdio: ["ignore", "inherit", "pipe"],
  });
  let announced = false;
  lab.stderr.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    if (process.env.COURSE_QUIET !== "1") process.stderr.write(text);
    if (!announced && /Jupyter Server .* is running|http:\/\/127\.0\.0\.1/.test(text)) {
      announced = true;
      console.log(`\nThe course is open at http://127.0.0.1:${port}/lab?token=${token}\n(Ctrl-C stops it.)`);
    }
  });
  const stop = () => lab.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  lab.on("close", (code) => process.exit(code ?? 0));
}

main();
