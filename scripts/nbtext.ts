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

export interface Cell {
  id: string;
  cell_type: "code" | "markdown" | "raw";
  metadata: Record<string, unknown>;
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
  attachments?: unknown;
}

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: Cell[];
}

export const KERNELSPEC = { name: "tslab", display_name: "TypeScript (tslab)", language: "typescript" };
export const LANGUAGE_INFO = {
  name: "typescript",
  version: "5.0.4",
  mimetype: "text/typescript",
  file_extension: ".ts",
  codemirror_mode: { name: "javascript", typescript: true },
};

/** Splits source text into the ipynb line list (every line but the last keeps its newline). */
export function toLines(text: string): string[] {
  const parts = text.split("\n");
  return parts.map((line, i) => (i < parts.length - 1 ? line + "\n" : line)).filter((l) => l !== "");
}

export function sourceText(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** A notebook with the course's kernelspec and the given cells, outputs empty. */
export function makeNotebook(cells: Cell[], metadata: Record<string, unknown> = {}): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: KERNELSPEC, language_info: LANGUAGE_INFO, ...metadata },
    cells: cells.map((c) =>
      c.cell_type === "code"
        ? {
            id: c.id,
            cell_type: "code",
            metadata: c.metadata,
            execution_count: null,
            outputs: [],
            source: c.source,
          }
        : { id: c.id, cell_type: c.cell_type, metadata: c.metadata, source: c.source },
    ),
  };
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
      return `%% ${c.cell_type} id=${c.id}${meta}\n${sourceText(c)}\n`;
    })
    .join("\n");
}

/** Serializes a notebook the way Jupyter does (one-space indent, trailing newline). */
export function serialize(nb: Notebook): string {
  return JSON.stringify(nb, null, 1) + "\n";
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
