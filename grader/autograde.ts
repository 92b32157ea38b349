/**
 * Autograding, as two declared pipelines of small named steps (grader/steps/), as nbgrader's separate
 * preprocessor lists:
 *
 *   EXPECTATIONS = [assembleInstructor, clearOutputs, rewriteTestsWithExpected, execute,
 *                   recordExpectations, scoreQuestions]
 *   AUTOGRADE    = [checkKernelspec, matchCells, assembleSubmission, clearOutputs, rewriteTests, execute,
 *                   scoreQuestions, annotateFeedback]
 *
 * The grader first runs the instructor's notebook (EXPECTATIONS) to record the expected value and
 * tolerance of every case, and checks that it passes its own tests. A submission (AUTOGRADE) runs the
 * instructor's notebook with the learner's source only in answer cells (matched by grade id, else cell id,
 * else fingerprint) and learner-inserted cells after the cell they followed; its test cells are the
 * instructor's (hidden tests included), rewritten so that only the `actual` expressions run in the
 * learner's kernel. The grader compares them with the expected values itself; stdout and stderr never
 * decide a score.
 */
import type { Step } from "./pipeline";
import { annotateFeedback } from "./steps/annotateFeedback";
import { assembleInstructor, assembleSubmission } from "./steps/assemble";
import { checkKernelspec } from "./steps/checkKernelspec";
import { clearOutputs } from "./steps/clearOutputs";
import { execute } from "./steps/execute";
import { matchCells } from "./steps/matchCells";
import { recordExpectations } from "./steps/recordExpectations";
import { rewriteTests, rewriteTestsWithExpected } from "./steps/rewriteTests";
import { scoreQuestions } from "./steps/scoreQuestions";

/** The grader's own run of the instructor's notebook: expected values, and a check that it passes. */
export const EXPECTATIONS: Step[] = [
  assembleInstructor,
  clearOutputs,
  rewriteTestsWithExpected,
  execute,
  recordExpectations,
  scoreQuestions,
];

/** One learner's submission. */
export const AUTOGRADE: Step[] = [
  checkKernelspec,
  matchCells,
  assembleSubmission,
  clearOutputs,
  rewriteTests,
  execute,
  scoreQuestions,
  annotateFeedback,
];
