/** What the grader's steps share: inputs they read and the findings they add. */
import type { Encoded } from "@dlopt/lib";
import type { Notebook } from "../jupyter/notebook";
import type { CellRun, Executor, RunResult } from "../jupyter/runner";

export type Status =
  | "pass"
  | "fail"
  | "error"
  | "timeout"
  | "crashed"
  | "missing"
  | "tampered"
  | "ungradable"
  /** A manually graded answer the instructor has scored (manual.ts). */
  | "graded";

export interface QuestionGrade {
  question: string;
  points: number;
  max: number;
  status: Status;
  message: string;
  /** Manually graded: 0 points and "ungradable" until the instructor scores it in manual.csv. */
  manual?: boolean;
}

/** Expected values of one question's cases, from the grader's own run of the instructor's notebook. */
export type Expectations = Map<string, Map<string, { expected: Encoded; tol: number }>>;

/** The kernel runner's plan and results (jupyter/runner.ts), which the grader's steps read. */
export type { CellRun, ExecutePlan, Executor, RunResult } from "../jupyter/runner";

export interface ReleaseContext {
  /** The notebook's file name without .ipynb: its assignment name. */
  assignment: string;
  file: string;
}

export interface GradeContext {
  assignment: string;
  student: string;
  /** The instructor's notebook (source of truth for every locked and test cell). */
  instructor: Notebook;
  /** The instructor's release (checksums of what learners received). */
  release: Notebook;
  expectations: Expectations;
  executor: Executor;
  /** Fresh unguessable strings (crypto in production). */
  nonce(): string;
  warnings: string[];
  /** Instructor cell index → learner cell index (from matchCells; each to itself in the grader's own run). */
  matched: Map<number, number>;
  /** Set by execute: results by cell key. */
  runs: Map<string, CellRun>;
  run?: RunResult;
  grades: QuestionGrade[];
}
