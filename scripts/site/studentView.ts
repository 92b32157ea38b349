/**
 * The student version of an executed lesson, for the site: the grader's own release steps (grader/release.ts:
 * validate, clearSolutions, clearHiddenTests), so the site shows what `npm run release` hands out, with the
 * outputs of every cell those steps changed dropped (they could reveal a solution). The outputs of the other
 * cells stay: the site shows an executed lesson.
 */
import type { ReleaseContext } from "../../grader/context";
import { runPipelineSync, type Step } from "../../grader/pipeline";
import { clearHiddenTests, clearSolutions, validate } from "../../grader/release";
import { cloneNotebook, sourceOf, type Notebook } from "../../jupyter/notebook";

/** The grader's release steps the site applies (no checksums, locks or cleared outputs). */
export const SITE_RELEASE: Step<ReleaseContext>[] = [validate, clearSolutions, clearHiddenTests];

export interface StudentView {
  notebook: Notebook;
  /** 0-based indices of the cells whose source changed (their outputs were dropped). */
  changed: number[];
}

/**
 * The student version of `nb` (a copy; `nb` is not modified). `file` names the notebook in the error
 * thrown for malformed authoring.
 */
export function studentView(nb: Notebook, file = "notebook.ipynb"): StudentView {
  const assignment = file.replace(/^.*[\\/]/, "").replace(/\.ipynb$/, "");
  const released = runPipelineSync(SITE_RELEASE, cloneNotebook(nb), { assignment, file });
  const changed: number[] = [];
  released.cells.forEach((cell, i) => {
    if (sourceOf(cell) === sourceOf(nb.cells[i])) return;
    changed.push(i);
    if (cell.cell_type === "code") {
      cell.outputs = [];
      cell.execution_count = null;
    }
  });
  return { notebook: released, changed };
}
