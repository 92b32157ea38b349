/**
 * The live edition of the lesson pages. A lesson page stays a static page (readable without JavaScript
 * and from disk) that says in one line how to get the live one; served over http, its loader
 * (assets/live.js) loads runtime/live.js (browser/src/live.ts), which makes the cells editable and
 * runnable in a Web Worker. This module writes what that needs into the site:
 * - runtime/: the browser runtime (build/browser/, built first when missing or older than its sources)
 *   and live.js;
 * - notebooks/<lesson>.ipynb: the student version (the grader's release) the page's cells come from and
 *   the Download button gives back with the learner's sources.
 */
import * as fs from "fs";
import * as path from "path";
import { buildBrowser } from "../../browser/build";
import { buildLive } from "../../browser/buildLive";
import { releaseNotebook } from "../../grader/release";
import { parseNotebook, serialize } from "../../jupyter/notebook";

/** The one line a static page shows where the live page puts its toolbar. */
export const LIVE_HINT =
  "This is the static view. To edit and run the cells, open the page from a web server with JavaScript on: <code>npm run serve</code> (prints its local URL), or any static host serving the site.";

/**
 * In the page's head: when the page is served over http(s), starts the runtime's worker at once (TypeScript
 * loads in it while the page loads) and, once the worker has begun (its first message) or after 2 s, the
 * live page's script, which takes the worker over with the messages it sent meanwhile: the editors' set-up
 * on the page does not hold up the worker's start. From disk the page stays static.
 */
export const LIVE_LOADER = `// Makes a lesson page live when it is served over http(s) (a worker cannot start from file://).
(function () {
  var me = document.currentScript;
  if (!/^https?:$/.test(location.protocol) || !me) return;
  window.courseLiveConfig = { lesson: me.getAttribute("data-lesson"), runtime: "runtime/" };
  var loaded = false;
  var load = function () {
    if (loaded) return;
    loaded = true;
    var s = document.createElement("script");
    s.src = "runtime/live.js";
    document.head.appendChild(s);
  };
  try {
    var early = { worker: new Worker("runtime/worker.js"), messages: [], errors: [] };
    early.worker.onmessage = function (e) { early.messages.push(e.data); load(); };
    early.worker.onerror = function (e) { early.errors.push(e.message); load(); };
    window.courseLiveWorker = early;
    setTimeout(load, 2000);
  } catch (e) {
    load();
  }
})();
`;

export const LIVE_CSS = `.live-hint { color: var(--muted); font-size: 0.9rem; border-left: 3px solid var(--border); padding-left: 0.7rem; }
.live-bar { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; padding: 0.5rem 0; background: #fff; border-bottom: 1px solid var(--border); }
.live-bar button, .live-cell-bar button { font: inherit; font-size: 0.85rem; padding: 0.15rem 0.7rem; border: 1px solid var(--border); border-radius: 4px; background: var(--code-bg); cursor: pointer; }
.live-status { color: var(--muted); font-size: 0.85rem; }
.live-editor { border-left: 3px solid var(--accent); background: var(--code-bg); border-radius: 6px; font-size: 0.86rem; }
.live-cell-bar { display: flex; gap: 0.4rem; margin: 0.25rem 0; }
.live-note { color: #8a5300; font-size: 0.85rem; margin: 0.2rem 0; }
section.cell.live[data-state="running"] .live-editor { border-left-color: #c18401; }
section.cell.live[data-state="failed"] .live-editor { border-left-color: #b3261e; }
`;

const ROOT = path.resolve(__dirname, "..", "..");
const BROWSER_BUILD = path.join(ROOT, "build", "browser");

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

/** Does build/browser/ need building: missing, or older than browser/, lib's sources or the lock file. */
export function runtimeStale(): boolean {
  const built = path.join(BROWSER_BUILD, "worker.js");
  if (!fs.existsSync(built)) return true;
  const sources = ["browser", "lib/src", "package-lock.json"].map((p) => newest(path.join(ROOT, p)));
  return Math.max(...sources) > fs.statSync(built).mtimeMs;
}

/**
 * Writes runtime/ and notebooks/ into `siteDir` for the given lesson notebooks (the instructor's sources
 * in notebooks/). Builds build/browser/ first when it is stale.
 */
export async function writeLive(
  siteDir: string,
  notebooks: string[],
  log: (l: string) => void,
): Promise<void> {
  if (runtimeStale()) {
    log("building the browser runtime (build/browser/)");
    await buildBrowser();
  }
  const runtime = path.join(siteDir, "runtime");
  fs.cpSync(BROWSER_BUILD, runtime, { recursive: true });
  await buildLive(path.join(runtime, "live.js"));
  fs.mkdirSync(path.join(siteDir, "notebooks"), { recursive: true });
  for (const file of notebooks) {
    const nb = releaseNotebook(parseNotebook(fs.readFileSync(file, "utf8"), file), file);
    fs.writeFileSync(path.join(siteDir, "notebooks", path.basename(file)), serialize(nb));
  }
}
