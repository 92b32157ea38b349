/**
 * The one notebook model of the course's tools (grader, runner, site, authoring): plain ipynb JSON
 * (nbformat 4), the course's kernelspec, and the nbgrader cell roles (schema v3) read from
 * `metadata.nbgrader`. Cell roles come only from metadata, as in nbgrader.
 */
import { createHash } from "crypto";

export interface NbgraderMeta {
  schema_version?: number;
  grade_id?: string;
  points?: number;
  solution?: boolean;
  grade?: boolean;
  locked?: boolean;
  task?: boolean;
  checksum?: string;
  cell_type?: string;
}

export interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface Cell {
  id?: string;
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata: { nbgrader?: NbgraderMeta; deletable?: boolean; editable?: boolean; [key: string]: unknown };
  outputs?: Output[];
  execution_count?: number | null;
}

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: {
    kernelspec?: { name?: string; display_name?: string; language?: string };
    [key: string]: unknown;
  };
  cells: Cell[];
}

/** The kernel every course notebook names: tslab, TypeScript. */
export const KERNELSPEC = { name: "tslab", display_name: "TypeScript (tslab)", language: "typescript" };

/** The language_info tslab reports, written into authored notebooks. */
export const LANGUAGE_INFO = {
  name: "typescript",
  version: "5.0.4",
  mimetype: "text/typescript",
  file_extension: ".ts",
  codemirror_mode: { name: "javascript", typescript: true },
};

/** The role of a cell, from its nbgrader metadata (the table of GRADING.md). */
export type Role = "answer" | "tests" | "manual" | "readonly" | "task" | "plain";

export function roleOf(cell: Cell): Role {
  const m = cell.metadata?.nbgrader;
  if (!m || typeof m !== "object") return "plain";
  if (m.task) return "task";
  if (m.solution && m.grade) return "manual";
  if (m.solution) return "answer";
  if (m.grade) return "tests";
  if (m.locked) return "readonly";
  return "plain";
}

export function sourceOf(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : String(cell.source ?? "");
}

/** A cell label for messages: its grade id, else its cell id, else its 1-based position. */
export function cellLabel(cell: Cell, index: number): string {
  const id = cell.metadata?.nbgrader?.grade_id;
  return id
    ? `cell ${index + 1} ("${id}")`
    : cell.id
      ? `cell ${index + 1} (id ${cell.id})`
      : `cell ${index + 1}`;
}

/** The checksum nbgrader-style of a graded or locked cell: its source, type and points. */
export function cellChecksum(cell: Cell): string {
  const m = cell.metadata?.nbgrader ?? {};
  const h = createHash("md5");
  h.update(sourceOf(cell).trim());
  h.update(cell.cell_type);
  if (m.grade) h.update(String(m.points ?? 0));
  return h.digest("hex");
}

export function cloneNotebook(nb: Notebook): Notebook {
  return JSON.parse(JSON.stringify(nb)) as Notebook;
}

/** Parses notebook text; throws with the reason when it is not a notebook. */
export function parseNotebook(text: string, file = "notebook"): Notebook {
  if (text.includes("\u0000")) throw new Error(`${file}: contains null bytes`);
  let nb: unknown;
  try {
    nb = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: invalid JSON (${(e as Error).message})`);
  }
  const o = nb as Partial<Notebook>;
  if (!o || typeof o !== "object" || !Array.isArray(o.cells))
    throw new Error(`${file}: not a notebook (no cells list)`);
  if (o.nbformat !== 4) throw new Error(`${file}: nbformat ${String(o.nbformat)} is not supported (4 is)`);
  o.cells.forEach((c, i) => {
    if (!c || typeof c !== "object" || !["code", "markdown", "raw"].includes(c.cell_type)) {
      throw new Error(`${file}: cell ${i + 1} is malformed`);
    }
    if (
      typeof c.source !== "string" &&
      !(Array.isArray(c.source) && c.source.every((s) => typeof s === "string"))
    ) {
      throw new Error(`${file}: cell ${i + 1} has no text source`);
    }
    if (!c.metadata || typeof c.metadata !== "object") c.metadata = {};
  });
  if (!o.metadata || typeof o.metadata !== "object") o.metadata = {};
  return o as Notebook;
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

/** Empties every code cell's outputs and execution count and drops per-cell execution timings (in place). */
export function clearOutputs(nb: Notebook): Notebook {
  for (const cell of nb.cells) {
    if (cell.cell_type === "code") {
      cell.outputs = [];
      cell.execution_count = null;
    }
    delete cell.metadata.execution;
  }
  return nb;
}

/** Serializes a notebook the way Jupyter does (one-space indent, trailing newline). */
export function serialize(nb: Notebook): string {
  return JSON.stringify(nb, null, 1) + "\n";
}
