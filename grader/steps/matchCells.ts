import { cellChecksum, cellLabel, roleOf, sourceOf } from "../../jupyter/notebook";
import type { Step } from "../pipeline";

const firstLine = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l !== "") ?? "";

/** Finds the learner's copy of each instructor cell and notes what was edited, deleted or duplicated. */
export const matchCells: Step = {
  name: "matchCells",
  run(nb, ctx) {
    const I = ctx.instructor.cells;
    const R = ctx.release.cells;
    const byGradeId = new Map<string, number>();
    const byCellId = new Map<string, number>();
    I.forEach((c, i) => {
      const g = c.metadata?.nbgrader?.grade_id;
      if (g && roleOf(c) !== "plain") byGradeId.set(g, i);
      if (c.id) byCellId.set(c.id, i);
    });
    const matched = ctx.matched;
    const taken = new Set<number>();
    const learnerMatched = new Set<number>();
    // 1. grade id (first copy wins), 2. cell id
    nb.cells.forEach((c, j) => {
      const g = c.metadata?.nbgrader?.grade_id;
      let i = typeof g === "string" ? byGradeId.get(g) : undefined;
      if (i !== undefined && matched.has(i)) {
        ctx.warnings.push(
          `${cellLabel(c, j)} duplicates graded cell "${g}": the first copy is graded, this one runs as an inserted cell`,
        );
        return;
      }
      if (i === undefined && c.id && byCellId.has(c.id) && !matched.has(byCellId.get(c.id)!)) {
        i = byCellId.get(c.id)!;
        if (roleOf(I[i]) !== "plain") {
          ctx.warnings.push(
            `${cellLabel(c, j)} lost its grading metadata; matched to "${I[i].metadata.nbgrader!.grade_id}" by cell id`,
          );
        }
      }
      if (i === undefined || taken.has(i)) return;
      if (I[i].cell_type !== c.cell_type) return;
      matched.set(i, j);
      taken.add(i);
      learnerMatched.add(j);
    });
    // 3. fingerprint: an answer cell still missing, found by the first line of its released source
    I.forEach((c, i) => {
      if (matched.has(i) || roleOf(c) !== "answer") return;
      const fp = firstLine(sourceOf(R[i]));
      const candidates = nb.cells
        .map((lc, j) => ({ lc, j }))
        .filter(
          ({ lc, j }) => !learnerMatched.has(j) && lc.cell_type === "code" && firstLine(sourceOf(lc)) === fp,
        );
      if (fp !== "" && candidates.length === 1) {
        matched.set(i, candidates[0].j);
        learnerMatched.add(candidates[0].j);
        ctx.warnings.push(
          `answer "${c.metadata.nbgrader!.grade_id}" found by its first line (its metadata was removed)`,
        );
      }
    });
    // what changed in locked and graded cells
    I.forEach((c, i) => {
      const role = roleOf(c);
      if (role === "plain") return;
      const id = c.metadata.nbgrader!.grade_id;
      const j = matched.get(i);
      if (j === undefined) {
        if (role === "tests" || role === "readonly")
          ctx.warnings.push(`cell "${id}" was deleted; the instructor's version was restored`);
        return;
      }
      const lc = nb.cells[j];
      if (
        (role === "tests" || role === "readonly") &&
        cellChecksum(lc) !== R[i].metadata.nbgrader!.checksum
      ) {
        ctx.warnings.push(`locked cell "${id}" was edited; the instructor's version was restored`);
      }
      const lm = lc.metadata?.nbgrader;
      const rm = R[i].metadata.nbgrader!;
      if (lm && (["points", "grade", "solution", "locked"] as const).some((k) => lm[k] !== rm[k])) {
        ctx.warnings.push(`the grading metadata of "${id}" was changed; the instructor's was used`);
      }
    });
    return nb;
  },
};
