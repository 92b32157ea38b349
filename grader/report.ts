/**
 * The grade report as files: grades.json (one record per student, notebook and question), grades.csv
 * (one row per student) and a feedback page per notebook, whose outputs (figures, tables) are rendered as
 * the course website renders them (jupyter/renderOutputs.ts). Pure functions from the BatchReport to text.
 */
import { createHash } from "crypto";
import { FIGURE_SCRIPT, mergeStreams, OutputRenderer, type Output } from "../jupyter/renderOutputs";
import type { CellMark } from "./steps/cellMark";
import type { QuestionGrade } from "./context";
import type { BatchReport, NotebookGrade } from "./grade";
import { roleOf, sourceOf, type Notebook } from "../jupyter/notebook";

export function gradesJson(r: BatchReport): string {
  const records = r.results.flatMap((n) =>
    n.grades.map((g) => ({ student: n.student, notebook: n.notebook, ...g })),
  );
  const notebooks = r.results.map((n) => ({
    student: n.student,
    notebook: n.notebook,
    total: n.total,
    max: n.max,
    warnings: n.warnings,
    seconds: Math.round(n.seconds * 10) / 10,
  }));
  return (
    JSON.stringify(
      {
        grader: r.grader,
        gradedAt: r.gradedAt,
        seconds: r.seconds,
        assignments: r.assignments,
        records,
        notebooks,
      },
      null,
      2,
    ) + "\n"
  );
}

/**
 * The BatchReport that grades.json was written from, with each executed notebook from `executedOf` (the
 * files cli.ts keeps beside it): what `npm run grade:manual` needs to rewrite the report without running
 * anything again.
 */
export function reportFromJson(
  text: string,
  executedOf: (student: string, notebook: string) => Notebook | undefined,
): BatchReport {
  const j = JSON.parse(text) as {
    grader: string;
    gradedAt: string;
    seconds: number;
    assignments: BatchReport["assignments"];
    records: ({ student: string; notebook: string } & QuestionGrade)[];
    notebooks: Omit<NotebookGrade, "grades" | "executed">[];
  };
  return {
    grader: j.grader,
    gradedAt: j.gradedAt,
    seconds: j.seconds,
    assignments: j.assignments,
    results: j.notebooks.map((n) => ({
      ...n,
      grades: j.records
        .filter((r) => r.student === n.student && r.notebook === n.notebook)
        .map(({ student: _s, notebook: _n, ...g }) => g),
      executed: executedOf(n.student, n.notebook),
    })),
  };
}

/** A CSV field: quoted when it holds a quote, comma or line break, or starts like a formula. */
export const csvField = (s: string | number) => {
  const t = String(s);
  return /[",\n\r]/.test(t) || /^[=+\-@]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

/**
 * One row per student: student_id, each question as `<notebook>:<question>` (points; a manually graded
 * question empty until the instructor has scored it), total and max (the autograded questions and the
 * scored manual ones).
 */
export function gradesCsv(r: BatchReport): string {
  const cols = r.assignments.flatMap((a) =>
    a.questions.map((q) => ({ a: a.name, q: q.question, manual: q.manual })),
  );
  const students = [...new Set(r.results.map((n) => n.student))];
  const lines = [["student_id", ...cols.map((c) => `${c.a}:${c.q}`), "total", "max"].map(csvField).join(",")];
  for (const s of students) {
    const mine = r.results.filter((n) => n.student === s);
    const grade = (a: string, q: string) =>
      mine.find((n) => n.notebook === a)?.grades.find((g) => g.question === q);
    const cell = (c: (typeof cols)[number]) => {
      const g = grade(c.a, c.q);
      if (c.manual) return g?.status === "graded" ? g.points : "";
      return g?.points ?? 0;
    };
    // Each notebook's total and max already count what is scored (grade.ts, countedTotals).
    const total = mine.reduce((t, n) => t + n.total, 0);
    const max = mine.reduce((t, n) => t + n.max, 0);
    lines.push([s, ...cols.map(cell), total, max].map(csvField).join(","));
  }
  return lines.join("\n") + "\n";
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** plotly.js, once per feedback folder, beside the students' folders of pages. */
export const FEEDBACK_PLOTLY = "plotly.min.js";

/**
 * The page may show the learner's own HTML outputs, so it runs no script but the grader's: its
 * Content-Security-Policy allows plotly.js (same folder) and the figure script (by hash), nothing else, and
 * no request leaves the page.
 */
const CSP = [
  "default-src 'none'",
  `script-src 'self' 'sha256-${createHash("sha256").update(FIGURE_SCRIPT).digest("base64")}'`,
  "style-src 'unsafe-inline'",
  "img-src data:",
  "font-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** The executed notebook as a self-contained HTML page with the score and message at each graded cell. */
export function feedbackHtml(n: NotebookGrade, grader: string): string {
  const head = `<h1>${esc(n.notebook)}: ${n.total} / ${n.max}</h1><p>Student ${esc(n.student)}. Graded by ${esc(grader)}.</p>`;
  const warnings = n.warnings.length
    ? `<ul class="warn">${n.warnings.map((w) => `<li>${esc(w)}</li>`).join("")}</ul>`
    : "";
  const summary = `<table><tr><th>question</th><th>points</th><th>status</th><th>message</th></tr>${n.grades
    .map(
      (g) =>
        `<tr class="${g.status}"><td>${esc(g.question)}</td><td>${g.points} / ${g.max}</td><td>${g.status}</td><td>${esc(g.message)}</td></tr>`,
    )
    .join("")}</table>`;
  const outputs = new OutputRenderer({ prefix: "out" });
  const cells = (n.executed?.cells ?? [])
    .map((c) => {
      const mark = c.metadata.dlopt_grader as CellMark | undefined;
      // The grade as it stands now (a manual one may have been scored since the cell was annotated).
      const g = mark?.grade
        ? (n.grades.find((x) => x.question === mark.grade!.question) ?? mark.grade)
        : undefined;
      const grade = g
        ? `<div class="grade ${g.status}">${esc(g.question)}: ${g.points} / ${g.max} — ${g.status}: ${esc(g.message)}</div>`
        : "";
      const tag =
        mark?.origin === "inserted" ? `<div class="note">a cell you added (earns no points)</div>` : "";
      const run =
        mark?.run && mark.run.status !== "ok"
          ? `<div class="note">cell ${esc(mark.run.status)}${mark.run.message ? `: ${esc(mark.run.message)}` : ""}</div>`
          : "";
      const body =
        c.cell_type === "code"
          ? `<pre class="src">${esc(sourceOf(c))}</pre>${mergeStreams((c.outputs ?? []) as Output[])
              .map((o) => outputs.render(o))
              .join("\n")}`
          : `<pre class="md">${esc(sourceOf(c))}</pre>`;
      const role = roleOf(c);
      return `<section class="cell ${role}">${tag}${body}${run}${grade}</section>`;
    })
    .join("\n");
  const style = `body{font-family:sans-serif;max-width:60em;margin:auto}pre{white-space:pre-wrap;margin:0;padding:.4em}
.src{background:#f4f4f4}.stderr,.error{background:#fdd}.plotly-figure{min-height:320px}.output img{max-width:100%}.md{font-family:serif}.cell{border-left:3px solid #ddd;margin:1em 0;padding-left:.5em}
.grade{font-weight:bold;padding:.3em}.pass{background:#dfd}.fail,.error,.timeout,.crashed,.tampered,.missing{background:#fdd}
.ungradable{background:#ffd}.graded{background:#def}.note{color:#666;font-size:90%}.warn{background:#ffd}td,th{border:1px solid #ccc;padding:.2em .5em}`;
  const figures =
    outputs.figures > 0
      ? `<script src="../${FEEDBACK_PLOTLY}"></script><script>${FIGURE_SCRIPT}</script>`
      : "";
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>${esc(n.notebook)} feedback</title><style>${style}</style></head><body>${head}${warnings}${summary}${cells}${figures}</body></html>\n`;
}
