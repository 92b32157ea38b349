/**
 * Test cells become calls of lib's recordCheck with a fresh nonce per cell (testCells.ts). In a learner's
 * kernel only the `actual` expressions run; the grader's own run of the instructor's notebook evaluates
 * the expected values and tolerances too.
 */
import { roleOf, sourceOf } from "../../jupyter/notebook";
import type { GradeContext } from "../context";
import type { Step } from "../pipeline";
import { gradingSource } from "../testCells";
import { markOf } from "./cellMark";

function rewrite(withExpected: boolean): Step<GradeContext> {
  return {
    name: "rewriteTests",
    after: ["assemble"],
    run(nb, ctx) {
      for (const c of nb.cells) {
        const mark = markOf(c);
        if (mark.origin !== "instructor" || roleOf(c) !== "tests") continue;
        mark.nonce = ctx.nonce();
        mark.display = sourceOf(c);
        c.source = gradingSource(sourceOf(c), c.metadata.nbgrader!.grade_id!, mark.nonce, withExpected);
      }
      return nb;
    },
  };
}

/** A submission's test cells: the actual values only. */
export const rewriteTests = rewrite(false);

/** The instructor's test cells: actual, expected and tol. */
export const rewriteTestsWithExpected = rewrite(true);
