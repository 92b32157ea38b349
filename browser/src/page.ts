/**
 * The bare page of build/browser/index.html: a BrowserRuntime as `window.courseRuntime`, and
 * `?notebook=<url>` runs that notebook's code cells in order, printing each cell's text outputs.
 * The tests drive it through `window.courseRuntime`.
 */
import { BrowserRuntime, type CellResult } from "./runtime";

declare global {
  interface Window {
    courseRuntime: BrowserRuntime;
    notebookResults?: CellResult[];
  }
}

window.courseRuntime = new BrowserRuntime(new URL(".", location.href).href);

async function runNotebook(url: string): Promise<void> {
  const nb = (await (await fetch(url)).json()) as {
    cells: { cell_type: string; source: string | string[] }[];
  };
  const out = document.getElementById("out")!;
  const results: CellResult[] = [];
  for (const cell of nb.cells) {
    if (cell.cell_type !== "code") continue;
    const src = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    const r = await window.courseRuntime.execute(src);
    results.push(r);
    const pre = document.createElement("pre");
    pre.textContent = r.outputs.map((o) => o.text ?? Object.keys(o.data ?? {}).join(", ")).join("");
    out.appendChild(pre);
  }
  window.notebookResults = results;
}

const nb = new URLSearchParams(location.search).get("notebook");
if (nb) void runNotebook(nb);
