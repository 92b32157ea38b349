/**
 * Reading the check records a test cell sent. Records come from the learner's kernel, so they are
 * untrusted data: their shape is validated strictly here and anything odd makes the question `tampered`.
 */
import { TYPED_ARRAY_NAMES, type Encoded, type EncodedNumber, type Outcome } from "@dlopt/lib";

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

function isNumber(x: unknown): x is EncodedNumber {
  return (
    (typeof x === "number" && Number.isFinite(x)) ||
    x === "NaN" ||
    x === "Infinity" ||
    x === "-Infinity" ||
    x === "-0"
  );
}

/** Is x a well-formed encoding (lib/src/check/encodeValue.ts)? */
export function isEncoded(x: unknown, depth = 0): x is Encoded {
  if (!isObj(x) || typeof x.t !== "string" || depth > 40) return false;
  const keys = Object.keys(x).sort().join(",");
  switch (x.t) {
    case "null":
    case "undefined":
      return keys === "t";
    case "number":
      return keys === "t,v" && isNumber(x.v);
    case "string":
    case "bigint":
    case "other":
      return keys === "t,v" && typeof x.v === "string";
    case "boolean":
      return keys === "t,v" && typeof x.v === "boolean";
    case "Array":
      return keys === "t,v" && Array.isArray(x.v) && x.v.every((e) => isEncoded(e, depth + 1));
    case "Object":
      return keys === "t,v" && isObj(x.v) && Object.values(x.v).every((e) => isEncoded(e, depth + 1));
    default:
      return TYPED_ARRAY_NAMES.includes(x.t) && keys === "t,v" && Array.isArray(x.v) && x.v.every(isNumber);
  }
}

export function isOutcome(x: unknown): x is Outcome {
  if (!isObj(x)) return false;
  const keys = Object.keys(x).join(",");
  return (keys === "value" && isEncoded(x.value)) || (keys === "threw" && typeof x.threw === "string");
}

export interface CaseRecord {
  name: string;
  actual: Outcome;
  expected?: Outcome;
  tol?: Outcome;
}

/**
 * The cases recorded by one test cell, or the reason they cannot be trusted: a malformed record, a record
 * for another question, a case the instructor did not write, a case recorded twice.
 */
export function readRecords(
  records: unknown[],
  question: string,
  known: ReadonlySet<string> | null,
  nonce: string,
): { cases: Map<string, CaseRecord> } | { tampered: string } {
  const cases = new Map<string, CaseRecord>();
  for (const r of records) {
    if (!isObj(r) || r.nonce !== nonce || r.question !== question || !Array.isArray(r.cases)) {
      return { tampered: "a check record of this cell is malformed or belongs to another question" };
    }
    for (const c of r.cases) {
      if (!isObj(c) || typeof c.name !== "string" || !isOutcome(c.actual)) {
        return { tampered: "a check record holds a malformed case" };
      }
      if (known && !known.has(c.name))
        return { tampered: `a check record holds an unknown case "${c.name}"` };
      if (cases.has(c.name)) return { tampered: `the case "${c.name}" was recorded twice` };
      const rec: CaseRecord = { name: c.name, actual: c.actual };
      if (c.expected !== undefined) {
        if (!isOutcome(c.expected)) return { tampered: "malformed expected value" };
        rec.expected = c.expected;
      }
      if (c.tol !== undefined) {
        if (!isOutcome(c.tol)) return { tampered: "malformed tolerance" };
        rec.tol = c.tol;
      }
      cases.set(c.name, rec);
    }
  }
  return { cases };
}
