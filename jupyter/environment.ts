/**
 * The course's Jupyter environment: a project-local Python virtual environment (.venv) with JupyterLab,
 * Notebook, nbclient, nbconvert and plotly, and the tslab kernel registered in a project-local Jupyter data
 * folder (.jupyter/) pointing at this project's own node_modules/.bin/tslab. Nothing global is changed.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { KERNELSPEC } from "./notebook";

export const ROOT = path.resolve(__dirname, "..");
export const VENV = path.join(ROOT, ".venv");
export const JUPYTER_HOME = path.join(ROOT, ".jupyter");

/** Python packages of the Jupyter environment (pip names and the modules that prove they are there). */
const PACKAGES = ["jupyterlab>=4", "notebook>=7", "nbclient>=0.10", "nbconvert>=7", "plotly"];
const MODULES = ["jupyterlab", "notebook", "nbclient", "nbconvert", "plotly"];

export interface JupyterInfo {
  /** The Python interpreter that has Jupyter. */
  python: string;
  /** Where it came from, as printed to the user. */
  source: string;
}

/** Environment variables that point Jupyter at the project's own data, config and runtime folders. */
export function jupyterEnv(base: NodeJS.ProcessEnv = process.env, python?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    JUPYTER_DATA_DIR: path.join(JUPYTER_HOME, "data"),
    JUPYTER_PATH: path.join(JUPYTER_HOME, "data"),
    JUPYTER_CONFIG_DIR: path.join(JUPYTER_HOME, "config"),
    JUPYTER_RUNTIME_DIR: path.join(JUPYTER_HOME, "runtime"),
    JUPYTER_PLATFORM_DIRS: "1",
    PYDEVD_DISABLE_FILE_VALIDATION: "1",
  };
  if (python) env.PATH = `${path.dirname(python)}${path.delimiter}${base.PATH ?? ""}`;
  return env;
}

function hasJupyter(python: string): boolean {
  const r = spawnSync(python, ["-c", `import ${MODULES.join(", ")}`], { stdio: "ignore" });
  return r.status === 0;
}

/**
 * Makes sure a Python with Jupyter exists and returns it. Order: the project's .venv; the interpreter
 * named by COURSE_JUPYTER_PYTHON; a new .venv installed with pip (local wheels, no retries);
 * finally a `python3` on the PATH that already has Jupyter.
 */
export function ensureJupyter(log: (line: string) => void = console.log): JupyterInfo {
  const venvPython = path.join(VENV, "bin", "python");
  if (fs.existsSync(venvPython) && hasJupyter(venvPython)) {
    return { python: venvPython, source: "the project's virtual environment (.venv)" };
  }
  const named = process.env.COURSE_JUPYTER_PYTHON;
  if (named) {
    if (!hasJupyter(named))
      throw new Error(`COURSE_JUPYTER_PYTHON=${named} lacks one of: ${MODULES.join(", ")}`);
    return { python: named, source: `COURSE_JUPYTER_PYTHON (${named})` };
  }
  log(
    `Installing Jupyter (${PACKAGES.join(", ")}) into ${path.relative(ROOT, VENV)}/ (one time, about 20 s)...`,
  );
  const made =
    spawnSync("python3", ["-m", "venv", VENV], { stdio: "inherit" }).status === 0 &&
    spawnSync(
      venvPython,
      ["-m", "pip", "install", "--retries", "0", "--disable-pip-version-check", "-q", ...PACKAGES],
      { stdio: ["ignore", "inherit", "pipe"], encoding: "utf8" },
    ).status === 0;
  if (made && hasJupyter(venvPython)) {
    return { python: venvPython, source: "the project's virtual environment (.venv), just installed" };
  }
  const system = spawnSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" });
  const systemPython = system.stdout?.trim();
  if (systemPython && hasJupyter(systemPython)) {
    log(`pip could not install Jupyter; using the Jupyter of ${systemPython} on the PATH.`);
    return { python: systemPython, source: `the Jupyter already on the PATH (${systemPython})` };
  }
  throw new Error(
    "No Jupyter: pip could not install it into .venv and python3 on the PATH has none. " +
      "Install Python 3 with venv and pip, or set COURSE_JUPYTER_PYTHON to a Python that has JupyterLab and nbclient.",
  );
}

/** Writes the tslab kernelspec into .jupyter/data/kernels/tslab/ (idempotent) and returns its folder. */
export function ensureKernel(): string {
  const dir = path.join(JUPYTER_HOME, "data", "kernels", KERNELSPEC.name);
  const tslab = path.join(ROOT, "node_modules", ".bin", "tslab");
  if (!fs.existsSync(tslab)) throw new Error(`tslab is not installed at ${tslab}: run npm install first`);
  const spec = {
    argv: [process.execPath, tslab, "kernel", "--config-path", "{connection_file}"],
    display_name: KERNELSPEC.display_name,
    language: KERNELSPEC.language,
  };
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "kernel.json");
  const text = JSON.stringify(spec, null, 2) + "\n";
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text);
  return dir;
}

/**
 * JupyterLab settings the course changes from JupyterLab's defaults, as the project's own defaults
 * (.jupyter/config/labconfig/default_setting_overrides.json; a learner's own choices in JupyterLab's settings
 * editor still win): no "Would you like to get notified about official Jupyter news?" prompt in a learner's
 * first hour, and no update check (the course pins its Jupyter).
 */
export const LAB_SETTING_OVERRIDES = {
  "@jupyterlab/apputils-extension:notification": { fetchNews: "false", checkForUpdates: false },
};

/** Writes LAB_SETTING_OVERRIDES into the project's Jupyter config folder (idempotent); returns the file. */
export function ensureLabSettings(): string {
  const file = path.join(JUPYTER_HOME, "config", "labconfig", "default_setting_overrides.json");
  const text = JSON.stringify(LAB_SETTING_OVERRIDES, null, 2) + "\n";
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text);
  return file;
}

/**
 * The `python -m jupyterlab ...` arguments that serve `rootDir` on 127.0.0.1:`port` with `token`, without
 * a browser, news or update checks; `--allow-root` when running as root (Jupyter refuses root otherwise,
 * and containers and CI machines run as root).
 */
export function labArgs(options: { port: number; rootDir: string; token: string }): string[] {
  const args = [
    "-m",
    "jupyterlab",
    "--no-browser",
    "--ip=127.0.0.1",
    `--port=${options.port}`,
    "--ServerApp.port_retries=0",
    `--ServerApp.root_dir=${options.rootDir}`,
    `--IdentityProvider.token=${options.token}`,
    "--LabApp.news_url=",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
  ];
  if (process.getuid?.() === 0) args.push("--allow-root");
  return args;
}

/** Makes sure lib/dist is built (a fresh clone builds it during npm install; this covers edits since). */
export function ensureLibBuilt(log: (line: string) => void = console.log): void {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "lib/tsconfig.json"],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  if (r.status !== 0) {
    log(r.stdout + r.stderr);
    throw new Error("lib failed to build (tsc -p lib/tsconfig.json)");
  }
}

/** Prepares lib, Jupyter and the JupyterLab kernelspec once; returns the Python that has Jupyter. */
export function prepareJupyter(log: (line: string) => void = console.log): string {
  ensureLibBuilt(log);
  const jupyter = ensureJupyter(log);
  ensureKernel();
  log(`Jupyter: ${jupyter.source}; kernel "${KERNELSPEC.name}" from .jupyter/data/kernels`);
  return jupyter.python;
}
