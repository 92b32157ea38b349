/**
 * Manually graded answers (a markdown cell with nbgrader's `solution` and `grade`, such as a proof). The
 * grader cannot score them, so it lists them in `<out>/manual.csv`, one row per student and question with
 * the student's answer; the instructor fills in `points` (and a `comment`, shown to the student) in any
 * spreadsheet; `npm run grade:manual -- <out>` then adds them to grades.json, grades.csv and the feedback
 * pages, and every later `npm run grade` into the same folder keeps and applies them. Pure functions over
 * the BatchReport and the CSV text; cli.ts reads and writes the files.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { countedTotals, type BatchReport } from "./grade";
import { roleOf, sourceOf } from "../jupyter/notebook";

export const MANUAL_COLUMNS = ["student_id", "question", "max", "points", "comment", "answer"] as const;

/** Longest answer copied into manual.csv (the feedback page has the whole text). */
const ANSWER_CHARS = 10_000;

/** One row of manual.csv as the instructor left it. */
export interface ManualRow {
  /** Line number in the file (1 is the header). */
  line: number;
  student: string;
  /** `<notebook>:<question>`, as the columns of grades.csv. */
  question: string;
  /** As typed: empty while not graded. */
  points: string;
  comment: string;
}

/**
 * The rows of a CSV file as a spreadsheet saves it, by csv-parse: RFC 4180 quoting (`""` for a quote, line
 * breaks inside quotes, read as `\n`), CRLF or LF line ends, an Excel byte-order mark, and `;` as the
 * separator when the header line has semicolons and no comma (spreadsheets in locales whose decimal
 * separator is a comma save so). Each row with the line number it starts on.
 */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  // One kind of line end first: csv-parse would count a CRLF inside quotes as two lines.
  const lf = text.replace(/\r\n?/g, "\n");
  const header = lf.replace(/^\ufeff/, "").split("\n", 1)[0];
  const delimiter = header.includes(";") && !header.includes(",") ? ";" : ",";
  const records = parse(lf, {
    bom: true,
    delimiter,
    record_delimiter: "\n",
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  // csv-parse gives the line a record ends on; it starts as many lines earlier as its fields break.
  const breaks = (fields: string[]) => fields.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
  return records.map(({ record, info }) => ({ line: info.lines - breaks(record), fields: record }));
}

/** The rows of manual.csv; throws naming the file and line when its columns are not the grader's. */
export function readManualCsv(text: string, file: string): ManualRow[] {
  const rows = parseCsv(text);
  const header = rows[0]?.fields ?? [];
  const col = (name: string) => header.indexOf(name);
  for (const name of ["student_id", "question", "points"]) {
    if (col(name) < 0) {
      throw new Error(`${file}:1: no column "${name}" (expected ${MANUAL_COLUMNS.join(",")})`);
    }
  }
  return rows
    .slice(1)
    .filter((r) => r.fields.some((f) => f.trim() !== ""))
    .map((r) => {
      const at = (name: string) => (col(name) >= 0 ? (r.fields[col(name)] ?? "") : "");
      return {
        line: r.line,
        student: at("student_id"),
        question: at("question"),
        // A decimal comma, as spreadsheets in such locales write 1.5.
        points: at("points")
          .trim()
          .replace(/^(\d+),(\d+)$/, "$1.$2"),
        comment: at("comment"),
      };
    });
}

/** The key of a row: one student's one question. */
const rowKey = (student: string, question: string) => `${student}\n${question}`;

/** A spreadsheet must not run an answer as a formula: OWASP's advice, a leading apostrophe. */
const inert = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/**
 * manual.csv for a graded batch: one row per student and manually graded question, with the answer the
 * student wrote. Points and comments of `previous` rows (the instructor's, from an earlier run) are kept.
 */
export function manualCsv(report: BatchReport, previous: ManualRow[] = []): string {
  const kept = new Map(previous.map((r) => [rowKey(r.student, r.question), r]));
  const rows: (string | number)[][] = [[...MANUAL_COLUMNS]];
  for (const n of report.results) {
    for (const g of n.grades.filter((x) => x.manual)) {
      const question = `${n.notebook}:${g.question}`;
      const cell = n.executed?.cells.find(
        (c) => roleOf(c) === "manual" && c.metadata.nbgrader?.grade_id === g.question,
      );
      let answer = cell ? sourceOf(cell) : "(no answer cell found)";
      if (answer.length > ANSWER_CHARS) answer = `${answer.slice(0, ANSWER_CHARS)} [… cut]`;
      const before = kept.get(rowKey(n.student, question));
      rows.push([n.student, question, g.max, before?.points ?? "", before?.comment ?? "", inert(answer)]);
    }
  }
  return stringify(rows);
}

/**
 * The report with the points of manual.csv: each graded row sets its question's points, status "graded"
 * and message (the comment), and the notebook's total and max then count it. Rows without points are left
 * ungraded. Throws, listing every bad row as `file:line: ...`, when a row names an unknown student or
 * question, a question that is not manually graded, points outside [0, max], or a question twice.
 */
export function applyManual(report: BatchReport, rows: ManualRow[], file: string): BatchReport {
  const errors: string[] = [];
  const seen = new Map<string, number>();
  const results = report.results.map((n) => ({ ...n, grades: n.grades.map((g) => ({ ...g })) }));
  for (const r of rows) {
    const at = `${file}:${r.line}`;
    const key = rowKey(r.student, r.question);
    if (seen.has(key)) {
      errors.push(`${at}: ${r.student} ${r.question} is also on line ${seen.get(key)}`);
      continue;
    }
    seen.set(key, r.line);
    const split = r.question.lastIndexOf(":");
    if (split < 0) {
      errors.push(`${at}: no question ${JSON.stringify(r.question)} (expected <notebook>:<question>)`);
      continue;
    }
    const notebook = r.question.slice(0, split);
    const question = r.question.slice(split + 1);
    const n = results.find((x) => x.student === r.student && x.notebook === notebook);
    if (!n) {
      errors.push(`${at}: no graded notebook ${notebook} of student ${JSON.stringify(r.student)}`);
      continue;
    }
    const g = n.grades.find((x) => x.question === question);
    if (!g) errors.push(`${at}: no question ${JSON.stringify(r.question)}`);
    else if (!g.manual) errors.push(`${at}: ${r.question} is autograded, not graded by hand`);
    else if (r.points !== "") {
      const points = Number(r.points);
      if (!Number.isFinite(points) || points < 0 || points > g.max) {
        errors.push(`${at}: points ${JSON.stringify(r.points)} for ${r.question} (expected 0 to ${g.max})`);
      } else {
        g.points = points;
        g.status = "graded";
        g.message = r.comment.trim() === "" ? "graded by hand" : r.comment.trim();
      }
    }
  }
  if (errors.length > 0) throw new Error(`manual grades not applied:\n${errors.join("\n")}`);
  return { ...report, results: results.map((n) => ({ ...n, ...countedTotals(n.grades) })) };
}
