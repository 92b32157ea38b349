/** The grader's bookkeeping on an assembled cell (metadata.dlopt_grader), shared by the steps and the report. */
import type { Cell } from "../../jupyter/notebook";
import type { QuestionGrade } from "../context";

export interface CellMark {
  key: string;
  origin: "instructor" | "learner" | "inserted";
  /** Instructor cell index (not for inserted cells). */
  index?: number;
  nonce?: string;
  /** The test cell's source as the learner should see it in feedback. */
  display?: string;
  run?: { status: string; message: string; seconds: number; truncated: boolean };
  grade?: QuestionGrade;
}

export const markOf = (cell: Cell): CellMark => cell.metadata.dlopt_grader as CellMark;

/** The assembled cell that stands for instructor cell `index`. */
export function cellOfIndex(nb: { cells: Cell[] }, index: number): Cell | undefined {
  return nb.cells.find((c) => markOf(c).index === index);
}
