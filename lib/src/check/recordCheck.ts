import { frontend } from "../display/frontend";
import { encodeValue, type Encoded } from "./encodeValue";

/** The MIME type of the grader's records (display_data the grader reads; notebooks show nothing). */
export const RECORD_MIME = "application/vnd.dlopt.record+json";

/** A case as the grader's rewrite of a test cell passes it: the name, then thunks. */
export type RecordedCase = [
  name: string,
  actual: () => unknown,
  expected?: () => unknown,
  tol?: () => unknown,
];

/** What one case produced: an encoding, or the message of what it threw. */
export type Outcome = { value: Encoded } | { threw: string };

/** One record: the cases of one check call, tagged with the nonce of the cell that ran it. */
export interface CheckRecord {
  nonce: string;
  question: string;
  cases: { name: string; actual: Outcome; expected?: Outcome; tol?: Outcome }[];
}

function outcome(f: (() => unknown) | undefined): Outcome | undefined {
  if (f === undefined) return undefined;
  try {
    return { value: encodeValue(f()) };
  } catch (e) {
    return { threw: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

/**
 * Used by the autograder only (it rewrites `check(...)` calls into calls of this function): evaluates
 * each case in turn, a throw failing only that case, and sends the encodings to the grader as a display
 * of type RECORD_MIME tagged with the cell's nonce. It never decides a score.
 */
export function recordCheck(nonce: string, question: string, cases: RecordedCase[]): void {
  const record: CheckRecord = {
    nonce,
    question,
    cases: cases.map(([name, actual, expected, tol]) => ({
      name,
      actual: outcome(actual) as Outcome,
      expected: outcome(expected),
      tol: outcome(tol),
    })),
  };
  frontend().display({ [RECORD_MIME]: JSON.stringify(record) });
}
