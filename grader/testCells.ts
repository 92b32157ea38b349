/**
 * Test cells, read with the TypeScript parser. A test cell holds only imports and calls
 * `check("<its grade id>", [{ name: "...", actual: ..., expected: ..., tol: ... }, ...])`, so the grader
 * can rewrite it: in the learner's kernel only the `actual` expressions run (each in its own thunk), and
 * the expected values and tolerances come from the grader's own run of the instructor's notebook.
 */
import ts from "typescript";

export interface CaseSource {
  name: string;
  actual: string;
  expected: string;
  tol: string | null;
}

export interface ParsedTests {
  cases: CaseSource[];
  errors: string[];
}

const RECORDER = "dlopt$recordCheck";

function propName(p: ts.ObjectLiteralElementLike, sf: ts.SourceFile): string | null {
  if (!ts.isPropertyAssignment(p)) return null;
  if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) return p.name.text;
  return p.name.getText(sf);
}

interface CheckCall {
  statement: ts.Statement;
  question: string;
  cases: CaseSource[];
}

function parse(source: string, gradeId: string): { calls: CheckCall[]; errors: string[]; sf: ts.SourceFile } {
  const sf = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const errors: string[] = [];
  const calls: CheckCall[] = [];
  const line = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const diagnostics = (sf as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  for (const d of diagnostics) {
    errors.push(`syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
  }
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) continue;
    const call = ts.isExpressionStatement(st) && ts.isCallExpression(st.expression) ? st.expression : null;
    if (!call || !ts.isIdentifier(call.expression) || call.expression.text !== "check") {
      errors.push(`line ${line(st)}: a test cell may hold only imports and check(...) calls`);
      continue;
    }
    const [q, list] = call.arguments;
    if (
      call.arguments.length !== 2 ||
      !q ||
      !ts.isStringLiteralLike(q) ||
      !list ||
      !ts.isArrayLiteralExpression(list)
    ) {
      errors.push(`line ${line(st)}: write check("${gradeId}", [{ name, actual, expected, tol? }, ...])`);
      continue;
    }
    if (q.text !== gradeId) errors.push(`line ${line(st)}: check("${q.text}") in the cell of "${gradeId}"`);
    const cases: CaseSource[] = [];
    for (const el of list.elements) {
      if (!ts.isObjectLiteralExpression(el)) {
        errors.push(`line ${line(el)}: each case must be an object literal { name, actual, expected, tol? }`);
        continue;
      }
      const props = new Map<string, ts.Expression>();
      for (const p of el.properties) {
        const n = propName(p, sf);
        if (n === null || !["name", "actual", "expected", "tol"].includes(n) || props.has(n)) {
          errors.push(`line ${line(p)}: unexpected property in a case (only name, actual, expected, tol)`);
          continue;
        }
        props.set(n, (p as ts.PropertyAssignment).initializer);
      }
      const name = props.get("name");
      if (!name || !ts.isStringLiteralLike(name)) {
        errors.push(`line ${line(el)}: a case needs name: "<a string literal>"`);
        continue;
      }
      if (!props.has("actual") || !props.has("expected")) {
        errors.push(`line ${line(el)}: case "${name.text}" needs actual and expected`);
        continue;
      }
      const tol = props.get("tol");
      cases.push({
        name: name.text,
        actual: props.get("actual")!.getText(sf),
        expected: props.get("expected")!.getText(sf),
        tol: tol ? tol.getText(sf) : null,
      });
    }
    calls.push({ statement: st, question: q.text, cases });
  }
  const names = new Set<string>();
  for (const c of calls.flatMap((x) => x.cases)) {
    if (names.has(c.name)) errors.push(`two cases are named "${c.name}"`);
    names.add(c.name);
  }
  if (errors.length === 0 && names.size === 0) errors.push("a test cell needs at least one check(...) case");
  return { calls, errors, sf };
}

/** The cases of a test cell, and what is wrong with its form. */
export function parseTestCell(source: string, gradeId: string): ParsedTests {
  const { calls, errors } = parse(source, gradeId);
  return { cases: calls.flatMap((c) => c.cases), errors };
}

/**
 * The test cell as the grader runs it: every check(...) call becomes a call of lib's recordCheck with
 * the cell's nonce. With `trusted` (the instructor's run) the expected values and tolerances are
 * evaluated too; without it (a learner's run) they are left out, so they never enter the learner's kernel.
 */
export function gradingSource(source: string, gradeId: string, nonce: string, trusted: boolean): string {
  const { calls, errors, sf } = parse(source, gradeId);
  if (errors.length > 0) throw new Error(`test cell "${gradeId}": ${errors.join("; ")}`);
  let out = "";
  let pos = 0;
  for (const c of calls) {
    out += source.slice(pos, c.statement.getStart(sf));
    const cases = c.cases.map((k) => {
      const parts = [JSON.stringify(k.name), `() => (${k.actual})`];
      if (trusted) parts.push(`() => (${k.expected})`, `() => (${k.tol ?? "0"})`);
      return `  [${parts.join(", ")}],`;
    });
    out += `${RECORDER}(${JSON.stringify(nonce)}, ${JSON.stringify(c.question)}, [\n${cases.join("\n")}\n]);`;
    pos = c.statement.end;
  }
  out += source.slice(pos);
  return `import { recordCheck as ${RECORDER} } from "@dlopt/lib";\n${out}`;
}
