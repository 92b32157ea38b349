/**
 * Shards: `--shard I/N` grades the students whose id falls in shard I of N (1-based, as jest and playwright
 * count). A student's shard depends on its id only (a hash), so shards stay balanced and a student stays in
 * its shard when others are added. `auto/N` takes I from the scheduler: a Slurm job array
 * (SLURM_ARRAY_TASK_ID, counted from SLURM_ARRAY_TASK_MIN), a Kubernetes Indexed Job (JOB_COMPLETION_INDEX,
 * 0-based) or any CI matrix that sets GRADER_SHARD (1-based).
 */
import { createHash } from "crypto";

export interface Shard {
  index: number;
  count: number;
}

/** The shard (1..count) a student belongs to. */
export function shardOf(student: string, count: number): number {
  return (createHash("sha256").update(student).digest().readUInt32BE(0) % count) + 1;
}

function fromEnvironment(env: NodeJS.ProcessEnv): { index: number; source: string } | null {
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    const min = Number(env.SLURM_ARRAY_TASK_MIN ?? 1);
    return { index: Number(env.SLURM_ARRAY_TASK_ID) - min + 1, source: "SLURM_ARRAY_TASK_ID" };
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    return { index: Number(env.JOB_COMPLETION_INDEX) + 1, source: "JOB_COMPLETION_INDEX" };
  }
  if (env.GRADER_SHARD !== undefined) return { index: Number(env.GRADER_SHARD), source: "GRADER_SHARD" };
  return null;
}

/** Parses `I/N` or `auto/N`; throws naming what is wrong. */
export function parseShard(text: string, env: NodeJS.ProcessEnv = process.env): Shard {
  const m = /^(\d+|auto)\/(\d+)$/.exec(text);
  if (!m) throw new Error(`Invalid --shard ${text}: expected I/N (such as 2/4) or auto/N`);
  const count = Number(m[2]);
  let index: number;
  let source = "--shard";
  if (m[1] === "auto") {
    const e = fromEnvironment(env);
    if (!e) {
      throw new Error(
        `--shard auto/${count}: no shard index in the environment (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or GRADER_SHARD)`,
      );
    }
    index = e.index;
    source = e.source;
  } else index = Number(m[1]);
  if (!(count >= 1) || !Number.isInteger(index) || index < 1 || index > count) {
    throw new Error(`Invalid shard ${index}/${count} (from ${source}): expected 1 to ${count}`);
  }
  return { index, count };
}
