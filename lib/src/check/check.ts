import { compareEncoded } from "./compareEncoded";
import { encodeValue } from "./encodeValue";

/** One case of a question's tests: what the learner's code gave, what it should give, and how close. */
export interface CheckCase {
  /** Says what is tested, as a short phrase ("rho 0.5 on 3 8 6"). */
  name: string;
  actual: unknown;
  expected: unknown;
  /** Absolute tolerance on every number (default 0: exactly equal). */
  tol?: number;
}

/** The outcome of one case. */
export interface CheckResult {
  name: string;
  passed: boolean;
  /** Where actual and expected differ, when they do. */
  message: string | null;
}

/** Compares the cases without printing (what `check` prints is made from this). */
export function checkCases(cases: readonly CheckCase[]): CheckResult[] {
  return cases.map((c) => {
    const tol = c.tol ?? 0;
    if (!(tol >= 0)) throw new RangeError(`Invalid tol for case "${c.name}": ${tol}`);
    const message = compareEncoded(encodeValue(c.expected), encodeValue(c.actual), tol);
    return { name: c.name, passed: message === null, message };
  });
}

/**
 * The learner's self-check in a question's test cell: runs the cases, prints one line per case (which one
 * failed, with expected and actual), and throws when any fails, so the cell shows as failed. It returns
 * nothing, so a test cell prints only those lines (`checkCases` returns the results).
 *
 * The autograder does not run this function: it rewrites the call so that only the `actual` expressions
 * run in the learner's kernel, and compares them with expected values it keeps itself.
 * @example
 * check("q-ema", [{ name: "rho 0.5 on 3 8 6", actual: ema(xs, 0.5), expected: new Float64Array([3, 5.5, 5.75]), tol: 1e-12 }]);
 * // prints: ✓ q-ema: rho 0.5 on 3 8 6
 * //         q-ema: the 1 case passed
 */
export function check(question: string, cases: readonly CheckCase[]): void {
  if (typeof question !== "string" || question === "")
    throw new TypeError(`Invalid question id: ${String(question)}`);
  if (!Array.isArray(cases) || cases.length === 0)
    throw new TypeError(`check("${question}") needs at least one case`);
  const results = checkCases(cases);
  const lines = results.map((r) =>
    r.passed ? `✓ ${question}: ${r.name}` : `✗ ${question}: ${r.name}: ${r.message}`,
  );
  const failed = results.filter((r) => !r.passed).length;
  lines.push(
    failed === 0
      ? `${question}: ${results.length === 1 ? "the 1 case" : `all ${results.length} cases`} passed`
      : `${question}: ${failed} of ${results.length} cases failed`,
  );
  console.log(lines.join("\n"));
  if (failed > 0) throw new Error(`${question}: ${failed} of ${results.length} cases failed`);
}
