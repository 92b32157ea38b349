/**
 * The student version of an instructor's notebook (nbgrader's generate_assignment): validate, clear
 * solutions, compute checksums, clear hidden tests, lock cells, clear outputs, tag the assignment.
 */
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../jupyter/environment";
import {
  KERNELSPEC,
  cellChecksum,
  cloneNotebook,
  parseNotebook,
  roleOf,
  serialize,
  sourceOf,
  type Notebook,
} from "../jupyter/notebook";
import type { ReleaseContext } from "./context";
import { runPipelineSync, type Step } from "./pipeline";
import { clearOutputs } from "./steps/clearOutputs";
import { MARKDOWN_STUB, STUB, hasRegion, replaceRegions } from "./regions";
import { validateAuthoring } from "./validateAuthoring";

function setSource(cell: Notebook["cells"][number], text: string): void {
  cell.source = text;
}

export const validate: Step<ReleaseContext> = {
  name: "validate",
  run(nb, ctx) {
    validateAuthoring(nb, ctx.file);
    return nb;
  },
};

export const clearSolutions: Step<ReleaseContext> = {
  name: "clearSolutions",
  after: ["validate"],
  run(nb) {
    for (const cell of nb.cells) {
      const role = roleOf(cell);
      if (role !== "answer" && role !== "manual") continue;
      const stub = cell.cell_type === "code" ? STUB : MARKDOWN_STUB;
      const src = sourceOf(cell);
      setSource(cell, hasRegion(src, "SOLUTION") ? replaceRegions(src, "SOLUTION", stub) : stub);
    }
    return nb;
  },
};

export const clearHiddenTests: Step<ReleaseContext> = {
  name: "clearHiddenTests",
  after: ["validate"],
  run(nb) {
    for (const cell of nb.cells) {
      if (roleOf(cell) === "tests")
        setSource(cell, replaceRegions(sourceOf(cell), "HIDDEN TESTS", null).trimEnd());
    }
    return nb;
  },
};

/** Checksums of what the learner receives, so the grader can tell which cells were edited. */
export const computeChecksums: Step<ReleaseContext> = {
  name: "computeChecksums",
  after: ["clearSolutions", "clearHiddenTests"],
  run(nb) {
    for (const cell of nb.cells) {
      if (roleOf(cell) !== "plain") cell.metadata.nbgrader!.checksum = cellChecksum(cell);
    }
    return nb;
  },
};

/** Graded and read-only cells cannot be edited or deleted; answer cells cannot be deleted. */
export const lockCells: Step<ReleaseContext> = {
  name: "lockCells",
  after: ["validate"],
  run(nb) {
    for (const cell of nb.cells) {
      const role = roleOf(cell);
      if (role === "tests" || role === "readonly") {
        cell.metadata.nbgrader!.locked = true;
        cell.metadata.deletable = false;
        cell.metadata.editable = false;
      } else if (role === "answer" || role === "manual") {
        cell.metadata.nbgrader!.locked = false;
        cell.metadata.deletable = false;
        cell.metadata.editable = true;
      }
    }
    return nb;
  },
};

/** The course kernel and the assignment name (how the grader finds a renamed notebook). */
export const tagAssignment: Step<ReleaseContext> = {
  name: "tagAssignment",
  run(nb, ctx) {
    nb.metadata.kernelspec = { ...KERNELSPEC };
    nb.metadata.dlopt = { assignment: ctx.assignment };
    return nb;
  },
};

export const GENERATE: Step<ReleaseContext>[] = [
  validate,
  clearSolutions,
  clearHiddenTests,
  computeChecksums,
  lockCells,
  clearOutputs,
  tagAssignment,
];

/** The student version of one notebook (a new object; the input is left as it was). */
export function releaseNotebook(nb: Notebook, file: string): Notebook {
  const assignment = path.basename(file).replace(/\.ipynb$/, "");
  return runPipelineSync(GENERATE, cloneNotebook(nb), { assignment, file });
}

/** Does a notebook carry graded exercises? */
export function isGraded(nb: Notebook): boolean {
  return nb.cells.some((c) => roleOf(c) !== "plain");
}

/**
 * Writes the student version of every notebooks/*.ipynb to outDir (default build/release/) and returns
 * the files written. Throws, naming notebook and cell, when any notebook's authoring is malformed.
 */
export function releaseAll(
  outDir = path.join(ROOT, "build", "release"),
  sourceDir = path.join(ROOT, "notebooks"),
): string[] {
  const files = fs.existsSync(sourceDir)
    ? fs
        .readdirSync(sourceDir)
        .filter((f) => f.endsWith(".ipynb"))
        .sort()
    : [];
  const released = files.map((f) => {
    const file = path.join(sourceDir, f);
    return { f, nb: releaseNotebook(parseNotebook(fs.readFileSync(file, "utf8"), file), file) };
  });
  fs.mkdirSync(outDir, { recursive: true });
  return released.map(({ f, nb }) => {
    const out = path.join(outDir, f);
    fs.writeFileSync(out, serialize(nb));
    return out;
  });
}
