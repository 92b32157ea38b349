import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { launchBrowser } from "../support/browser";

const root = path.resolve(__dirname, "..", "..");
const workspace = path.join(root, "build", "test", "start-workspace");
const port = 18000 + Math.floor(Math.random() * 1000);
const token = "course-test-token";

function start(): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "start.ts")], {
    cwd: root,
    env: {
      ...process.env,
      COURSE_WORKSPACE: workspace,
      PORT: String(port),
      JUPYTER_TOKEN: token,
      COURSE_QUIET: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const closed = new Promise((r) => child.on("close", r));
  process.kill(-child.pid!, "SIGTERM");
  await Promise.race([closed, new Promise((r) => setTimeout(r, 10000))]);
  if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
}

async function kernelspecs(deadlineMs: number): Promise<{ kernelspecs: Record<string, unknown> }> {
  const end = Date.now() + deadlineMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/kernelspecs`, {
        headers: { Authorization: `token ${token}` },
      });
      if (res.ok) return (await res.json()) as { kernelspecs: Record<string, unknown> };
      last = res.status;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`JupyterLab did not answer on port ${port}: ${String(last)}`);
}

describe("npm start", () => {
  const children: ChildProcess[] = [];
  after(async () => {
    for (const c of children) await stop(c);
  });

  it("serves JupyterLab on localhost whose kernelspecs list tslab, and prints the URL", async () => {
    fs.rmSync(workspace, { recursive: true, force: true });
    const child = start();
    children.push(child);
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    const specs = await kernelspecs(90000);
    assert.ok("tslab" in specs.kernelspecs, JSON.stringify(Object.keys(specs.kernelspecs)));
    await new Promise((r) => setTimeout(r, 500));
    assert.match(out, new RegExp(`http://127\\.0\\.0\\.1:${port}/lab\\?token=${token}`));
    assert.ok(fs.existsSync(path.join(workspace, "00-welcome.ipynb")));
    await stop(child);
  });

  it("opens JupyterLab in a browser without asking about Jupyter news", async () => {
    const browser = await launchBrowser();
    const child = start();
    children.push(child);
    try {
      await kernelspecs(90000);
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/lab?token=${token}`);
      await page.locator(".jp-LabShell").waitFor({ timeout: 90000 });
      await page.locator(".jp-DirListing-item").first().waitFor({ timeout: 60000 });
      // JupyterLab asks within a few seconds of loading, as a toast in the corner.
      await page.waitForTimeout(8000);
      assert.equal(await page.getByText(/official Jupyter news/).count(), 0, "the news prompt");
      await page.screenshot({ path: path.join(root, "build", "test", "start-lab.png") });
    } finally {
      await browser.close();
      await stop(child);
    }
  });

  it("a second npm start keeps the learner's edit", async () => {
    const file = path.join(workspace, "00-welcome.ipynb");
    const nb = JSON.parse(fs.readFileSync(file, "utf8"));
    nb.cells.push({ id: "learner-note", cell_type: "markdown", metadata: {}, source: ["my own note"] });
    fs.writeFileSync(file, JSON.stringify(nb));
    const child = start();
    children.push(child);
    await kernelspecs(90000);
    assert.match(fs.readFileSync(file, "utf8"), /my own note/);
    await stop(child);
  });
});
