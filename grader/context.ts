/** What the grader's steps share: inputs they read and the findings they add. */
import type { Encoded } from "../lib/src/check/encodeValue";
import type { Cell, Notebook } from "./notebook";

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

/** One executed cell as the kernel driver reports it. */
export interface CellRun {
  key: string;
  status: "ok" | "error" | "abort" | "timeout" | "dead" | "skipped";
  outputs: Cell["outputs"];
  stderr: string;
  records: unknown[];
  truncated: boolean;
  seconds: number;
  message: string;
}

export interface RunResult {
  started: boolean;
  message?: string;
  cells: CellRun[];
  restarts: number;
  events: string[];
  seconds: number;
}

export interface ExecutePlan {
  cells: { key: string; source: string; nonce?: string }[];
}

/** Runs cells in a fresh kernel (grader/execute.ts in production; a fake in unit tests). */
export type Executor = (plan: ExecutePlan) => Promise<RunResult>;

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
  /** true for the grader's own run of the instructor's notebook: test cells evaluate expected values. */
  trusted: boolean;
  warnings: string[];
  /** Instructor cell index → learner cell index (from matchCells). */
  matched: Map<number, number>;
  /** Set by execute: results by cell key. */
  runs: Map<string, CellRun>;
  run?: RunResult;
  grades: QuestionGrade[];
}
