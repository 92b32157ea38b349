import { roleOf } from "../../jupyter/notebook";
import type { Step } from "../pipeline";
import { markOf } from "./cellMark";

/** Puts each question's grade on its test cell and shows the tests as written (not as rewritten). */
export const annotateFeedback: Step = {
  name: "annotateFeedback",
  after: ["scoreQuestions"],
  run(nb, ctx) {
    const grades = new Map(ctx.grades.map((g) => [g.question, g]));
    for (const c of nb.cells) {
      const mark = markOf(c);
      if (mark.origin === "inserted") continue;
      const id = c.metadata.nbgrader?.grade_id;
      if (mark.display !== undefined) c.source = mark.display;
      if (id && grades.has(id) && (roleOf(c) === "tests" || roleOf(c) === "manual"))
        mark.grade = grades.get(id);
    }
    return nb;
  },
};
