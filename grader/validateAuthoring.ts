/**
 * Rejects malformed authoring in an instructor's notebook, naming the notebook and the cell: nbgrader
 * metadata that is not schema v3, missing or duplicate grade ids, points on a cell that is not graded,
 * nested or unclosed regions, regions in the wrong kind of cell, test cells the grader cannot rewrite.
 */
import { cellLabel, roleOf, sourceOf, type Notebook } from "../jupyter/notebook";
import { hasRegion, regionErrors } from "./regions";
import { parseTestCell } from "./testCells";

export function authoringErrors(nb: Notebook, file: string): string[] {
  const errors: string[] = [];
  const ids = new Map<string, number>();
  nb.cells.forEach((cell, i) => {
    const at = `${file}: ${cellLabel(cell, i)}`;
    const m = cell.metadata?.nbgrader;
    const src = sourceOf(cell);
    for (const e of regionErrors(src)) errors.push(`${at}: ${e}`);
    const role = roleOf(cell);
    if (m) {
      if (m.schema_version !== 3)
        errors.push(`${at}: nbgrader schema_version ${String(m.schema_version)} (3 expected)`);
      if (role !== "plain") {
        if (typeof m.grade_id !== "string" || m.grade_id === "") errors.push(`${at}: no grade_id`);
        else if (ids.has(m.grade_id))
          errors.push(`${at}: duplicate grade_id "${m.grade_id}" (also cell ${ids.get(m.grade_id)! + 1})`);
        else ids.set(m.grade_id, i);
      }
      if (m.points !== undefined && !m.grade) errors.push(`${at}: points on a cell that is not graded`);
      if (m.grade && !(typeof m.points === "number" && m.points > 0 && Number.isFinite(m.points))) {
        errors.push(`${at}: a graded cell needs points > 0 (got ${String(m.points)})`);
      }
    }
    if (hasRegion(src, "SOLUTION") && role !== "answer" && role !== "manual") {
      errors.push(`${at}: a SOLUTION region outside a solution cell`);
    }
    if (hasRegion(src, "HIDDEN TESTS") && role !== "tests")
      errors.push(`${at}: a HIDDEN TESTS region outside a test cell`);
    if (role === "tests") {
      if (cell.cell_type !== "code") errors.push(`${at}: a test cell must be a code cell`);
      else for (const e of parseTestCell(src, m!.grade_id ?? "").errors) errors.push(`${at}: ${e}`);
    }
    if (role === "manual" && cell.cell_type !== "markdown") {
      errors.push(`${at}: manually graded answers must be markdown cells`);
    }
    if (role === "answer" && cell.cell_type !== "code")
      errors.push(`${at}: an autograded answer must be a code cell`);
  });
  return errors;
}

/** Throws with every problem listed when the notebook is malformed. */
export function validateAuthoring(nb: Notebook, file: string): void {
  const errors = authoringErrors(nb, file);
  if (errors.length > 0) throw new Error(`malformed authoring:\n  ${errors.join("\n  ")}`);
}
