import type { CellRun, GradeContext, Status } from "../context";
import type { Question } from "./questions";

/** The first lines of a cell's stderr without stack frames, for a message. */
export const firstLines = (s: string, n = 3) =>
  s
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "" && !/^\s+at /.test(l))
    .slice(0, n)
    .join(" | ")
    .slice(0, 400);

/** What a non-ok run of a cell means for its question, if anything. */
export function runProblem(r: CellRun | undefined, what: string): { status: Status; message: string } | null {
  if (!r) return { status: "crashed", message: `${what} never ran` };
  if (r.status === "timeout") return { status: "timeout", message: `${what}: ${r.message}` };
  if (r.status === "dead") return { status: "crashed", message: `${what}: ${r.message}` };
  if (r.status === "skipped") {
    return { status: r.message.includes("limit") ? "timeout" : "crashed", message: `${what}: ${r.message}` };
  }
  return null;
}

/** The first problem of a question's answer cells, then of its test cell, if any. */
export function questionRunProblem(
  q: Question,
  ctx: GradeContext,
): { status: Status; message: string } | null {
  for (const a of q.answers) {
    const id = ctx.instructor.cells[a].metadata.nbgrader!.grade_id;
    const p = runProblem(ctx.runs.get(`i${a}`), `answer cell "${id}"`);
    if (p) return p;
  }
  return runProblem(ctx.runs.get(`i${q.cell}`), "the test cell");
}
