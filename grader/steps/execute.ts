import { sourceOf } from "../../jupyter/notebook";
import type { Step } from "../pipeline";
import { markOf } from "./cellMark";

/** Runs the code cells in a fresh kernel (ctx.executor) and puts their outputs and run status on them. */
export const execute: Step = {
  name: "execute",
  after: ["clearOutputs", "rewriteTests"],
  async run(nb, ctx) {
    const code = nb.cells.filter((c) => c.cell_type === "code");
    const run = await ctx.executor({
      cells: code.map((c) => ({ key: markOf(c).key, source: sourceOf(c), nonce: markOf(c).nonce })),
    });
    ctx.run = run;
    if (!run.started) ctx.warnings.push(run.message ?? "the kernel did not start");
    for (const r of run.cells) ctx.runs.set(r.key, r);
    for (const c of code) {
      const r = ctx.runs.get(markOf(c).key);
      if (!r) continue;
      c.outputs = r.outputs ?? [];
      markOf(c).run = { status: r.status, message: r.message, seconds: r.seconds, truncated: r.truncated };
      if (r.truncated)
        ctx.warnings.push(`the output of cell ${nb.cells.indexOf(c) + 1} was truncated (output limit)`);
    }
    if (run.restarts > 0)
      ctx.warnings.push(`the kernel was restarted ${run.restarts} time(s): ${run.events.join("; ")}`);
    return nb;
  },
};
