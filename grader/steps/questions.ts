import { roleOf, type Notebook } from "../../jupyter/notebook";

/**
 * A question of the instructor's notebook as scoring sees it: an autograded one is a test cell with the
 * answer cells since the previous test cell; a manual one is a markdown answer graded by hand.
 */
export interface Question {
  id: string;
  max: number;
  manual: boolean;
  /** Instructor index of the test cell (of the answer cell for a manual question). */
  cell: number;
  /** Instructor indices of the answer cells this test cell checks. */
  answers: number[];
}

/** The questions in notebook order. */
export function questionsIn(instructor: Notebook): Question[] {
  const questions: Question[] = [];
  let answers: number[] = [];
  instructor.cells.forEach((c, i) => {
    const role = roleOf(c);
    const id = c.metadata.nbgrader?.grade_id ?? "";
    const max = c.metadata.nbgrader?.points ?? 0;
    if (role === "answer") answers.push(i);
    if (role === "manual") questions.push({ id, max, manual: true, cell: i, answers: [] });
    if (role === "tests") {
      questions.push({ id, max, manual: false, cell: i, answers });
      answers = [];
    }
  });
  return questions;
}
