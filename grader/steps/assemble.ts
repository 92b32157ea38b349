/**
 * The notebook that runs is built from the instructor's notebook: its cells in its order, each marked for
 * the later steps. For a submission, the learner's source goes only into answer cells (found by
 * matchCells), and learner-inserted cells run after the cell they followed; for the grader's own run the
 * instructor's cells run as they are.
 */
import { cloneNotebook, roleOf, sourceOf, type Cell, type Notebook } from "../../jupyter/notebook";
import type { GradeContext } from "../context";
import type { Step } from "../pipeline";
import type { CellMark } from "./cellMark";

/** A copy of instructor cell `i` marked with its origin. */
function marked(ic: Cell, i: number, origin: CellMark["origin"]): Cell {
  const cell = JSON.parse(JSON.stringify(ic)) as Cell;
  const mark: CellMark = { key: `i${i}`, origin, index: i };
  cell.metadata = { ...cell.metadata, dlopt_grader: mark };
  return cell;
}

/** The instructor's notebook (metadata and all) with these cells. */
const withCells = (ctx: GradeContext, cells: Cell[]): Notebook => ({
  ...cloneNotebook({ ...ctx.instructor, cells: [] }),
  cells,
});

/** A submission: instructor cells in instructor order, learner answers, inserted cells. */
export const assembleSubmission: Step = {
  name: "assemble",
  after: ["matchCells"],
  run(nb, ctx) {
    const inverse = new Map<number, number>();
    ctx.matched.forEach((j, i) => inverse.set(j, i));
    const insertedAfter = new Map<number, number[]>();
    let anchor = -1;
    nb.cells.forEach((_, j) => {
      if (inverse.has(j)) anchor = inverse.get(j)!;
      else insertedAfter.set(anchor, [...(insertedAfter.get(anchor) ?? []), j]);
    });
    const cells: Cell[] = [];
    const pushInserted = (a: number) => {
      for (const j of insertedAfter.get(a) ?? []) {
        const lc = nb.cells[j];
        const meta = { ...(lc.metadata ?? {}) };
        delete meta.nbgrader;
        const mark: CellMark = { key: `l${j}`, origin: "inserted" };
        cells.push({
          cell_type: lc.cell_type,
          source: sourceOf(lc),
          metadata: { ...meta, dlopt_grader: mark },
          ...(lc.cell_type === "code" ? { outputs: [], execution_count: null } : {}),
        });
      }
    };
    pushInserted(-1);
    ctx.instructor.cells.forEach((ic, i) => {
      const role = roleOf(ic);
      if (role === "answer" || role === "manual") {
        // the learner's answer, or the released stub when it cannot be found
        const j = ctx.matched.get(i);
        const cell = marked(ic, i, "learner");
        cell.source = j !== undefined ? sourceOf(nb.cells[j]) : sourceOf(ctx.release.cells[i]);
        cells.push(cell);
      } else {
        cells.push(marked(ic, i, "instructor"));
      }
      pushInserted(i);
    });
    return withCells(ctx, cells);
  },
};

/** The grader's own run: the instructor's cells as they are, each matched to itself. */
export const assembleInstructor: Step = {
  name: "assemble",
  run(_nb, ctx) {
    ctx.instructor.cells.forEach((_, i) => ctx.matched.set(i, i));
    return withCells(
      ctx,
      ctx.instructor.cells.map((ic, i) => marked(ic, i, "instructor")),
    );
  },
};
