/**
 * Authoring aid: converts between a notebook and a plain-text form that is easy to write and review.
 *
 *   npx tsx scripts/nbtext.ts to-ipynb lesson.nb.txt notebooks/05-lesson.ipynb
 *   npx tsx scripts/nbtext.ts to-text notebooks/05-lesson.ipynb lesson.nb.txt
 *
 * Text form: each cell starts with a header line
 *   %% markdown id=<cell-id>
 *   %% code id=<cell-id> meta={"nbgrader": {...}}
 * followed by the cell's source. The .ipynb is the source of truth (commit it, not the text); the text
 * form is for writing and editing. Notebooks are written with no outputs, nbformat 4.5, the tslab kernel.
 */
import * as fs from "fs";
import { makeNotebook, serialize, sourceOf, type Cell, type Notebook } from "../jupyter/notebook";

/** Splits source text into the ipynb line list (every line but the last keeps its newline). */
export function toLines(text: string): string[] {
  const parts = text.split("\n");
  return parts.map((line, i) => (i < parts.length - 1 ? line + "\n" : line)).filter((l) => l !== "");
}

export function parseText(text: string, file = "<text>"): Notebook {
  const cells: Cell[] = [];
  const seen = new Set<string>();
  let current: { header: Cell; lines: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    const body = current.lines.join("\n").replace(/^\n+|\n+$/g, "");
    current.header.source = toLines(body);
    cells.push(current.header);
  };
  text.split("\n").forEach((line, n) => {
    const m = /^%% (markdown|code|raw)(?: id=([A-Za-z0-9_-]{1,64}))?(?: meta=(.*))?\s*$/.exec(line);
    if (!m) {
      if (line.startsWith("%% ")) throw new Error(`${file}:${n + 1}: malformed cell header: ${line}`);
      if (!current) {
        if (line.trim() === "") return;
        throw new Error(`${file}:${n + 1}: text before the first cell header`);
      }
      current.lines.push(line);
      return;
    }
    flush();
    const id = m[2] ?? `cell-${cells.length + 1}`;
    if (seen.has(id)) throw new Error(`${file}:${n + 1}: duplicate cell id ${id}`);
    seen.add(id);
    let metadata: Record<string, unknown> = {};
    if (m[3]) {
      try {
        metadata = JSON.parse(m[3]);
      } catch (e) {
        throw new Error(`${file}:${n + 1}: cell metadata is not JSON: ${(e as Error).message}`);
      }
    }
    current = { header: { id, cell_type: m[1] as Cell["cell_type"], metadata, source: [] }, lines: [] };
  });
  flush();
  return makeNotebook(cells);
}

export function toText(nb: Notebook): string {
  return nb.cells
    .map((c) => {
      const meta = Object.keys(c.metadata ?? {}).length > 0 ? ` meta=${JSON.stringify(c.metadata)}` : "";
      return `%% ${c.cell_type} id=${c.id}${meta}\n${sourceOf(c)}\n`;
    })
    .join("\n");
}

if (require.main === module) {
  const [cmd, from, to] = process.argv.slice(2);
  if (cmd === "to-ipynb" && from && to) {
    fs.writeFileSync(to, serialize(parseText(fs.readFileSync(from, "utf8"), from)));
  } else if (cmd === "to-text" && from && to) {
    fs.writeFileSync(to, toText(JSON.parse(fs.readFileSync(from, "utf8")) as Notebook));
  } else {
    console.error("usage: nbtext.ts to-ipynb FILE.nb.txt OUT.ipynb | to-text FILE.ipynb OUT.nb.txt");
    process.exitCode = 2;
  }
}
