/**
 * The grader is a declared pipeline: an ordered list of small named steps over plain ipynb JSON, as
 * nbgrader's preprocessors. Ordering rules are data (`after`), checked by checkOrder (and by a test).
 * Steps never write files; the CLI writes what they return.
 */
import type { Notebook } from "../jupyter/notebook";
import type { GradeContext } from "./context";

export interface Step<C = GradeContext> {
  name: string;
  /** Names of steps that must come earlier in any pipeline that has them. */
  after?: string[];
  run(nb: Notebook, ctx: C): Notebook | Promise<Notebook>;
}

/** The ordering errors of a pipeline: a step listed twice, or placed before a step it must follow. */
export function checkOrder<C>(steps: readonly Step<C>[]): string[] {
  const errors: string[] = [];
  const position = new Map<string, number>();
  steps.forEach((s, i) => {
    if (position.has(s.name)) errors.push(`step "${s.name}" is listed twice`);
    position.set(s.name, i);
  });
  steps.forEach((s, i) => {
    for (const a of s.after ?? []) {
      const j = position.get(a);
      if (j !== undefined && j > i) errors.push(`step "${s.name}" must come after "${a}"`);
    }
  });
  return errors;
}

/** Runs the steps in order; throws first when their order breaks a rule. */
export async function runPipeline<C>(steps: readonly Step<C>[], nb: Notebook, ctx: C): Promise<Notebook> {
  const errors = checkOrder(steps);
  if (errors.length > 0) throw new Error(`pipeline out of order: ${errors.join("; ")}`);
  let cur = nb;
  for (const s of steps) cur = await s.run(cur, ctx);
  return cur;
}

/** The same for pipelines of synchronous steps. */
export function runPipelineSync<C>(steps: readonly Step<C>[], nb: Notebook, ctx: C): Notebook {
  const errors = checkOrder(steps);
  if (errors.length > 0) throw new Error(`pipeline out of order: ${errors.join("; ")}`);
  let cur = nb;
  for (const s of steps) {
    const r = s.run(cur, ctx);
    if (r instanceof Promise) throw new Error(`step "${s.name}" is asynchronous`);
    cur = r;
  }
  return cur;
}
