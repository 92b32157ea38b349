/**
 * The batch report assembled from stored results (results.ts): for one output folder after grading, or for
 * several shards' folders merged. A merge refuses results made by different instructor notebooks, grader
 * versions or limits, naming the files that disagree.
 */
import type { BatchReport } from "./grade";
import { GRADER, type StoredResult } from "./results";

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The report of these results (sorted by student, then notebook). */
export function reportOf(stored: StoredResult[], seconds: number): BatchReport {
  const sorted = [...stored].sort(
    (a, b) => order(a.result.student, b.result.student) || order(a.result.notebook, b.result.notebook),
  );
  const assignments = new Map<string, BatchReport["assignments"][number]>();
  for (const s of sorted) {
    if (!assignments.has(s.result.notebook)) {
      assignments.set(s.result.notebook, { name: s.result.notebook, questions: s.questions });
    }
  }
  return {
    grader: GRADER,
    gradedAt: new Date().toISOString(),
    assignments: [...assignments.values()].sort((a, b) => order(a.name, b.name)),
    results: sorted.map((s) => s.result),
    seconds,
  };
}

/**
 * Checks that results from several folders can make one batch: for each notebook, one instructor notebook
 * hash, one grader version and one set of limits; and no (student, notebook) graded differently in two
 * folders. Throws a message naming the disagreeing folders.
 */
export function checkMergeable(sets: { dir: string; results: StoredResult[] }[]): void {
  const first = new Map<string, { dir: string; s: StoredResult }>();
  const errors: string[] = [];
  const seen = new Map<string, { dir: string; s: StoredResult }>();
  for (const { dir, results } of sets) {
    for (const s of results) {
      const nb = s.result.notebook;
      const f = first.get(nb);
      if (!f) first.set(nb, { dir, s });
      else {
        for (const [field, what] of [
          ["instructor", "instructor notebooks"],
          ["grader", "grader versions"],
          ["limits", "limits"],
        ] as const) {
          if (f.s.key[field] !== s.key[field]) {
            const msg = `${nb}: ${f.dir} and ${dir} were graded with different ${what} (${f.s.key[field].slice(0, 16)} vs ${s.key[field].slice(0, 16)})`;
            if (!errors.includes(msg)) errors.push(msg);
          }
        }
      }
      const id = `${s.result.student}\n${nb}`;
      const other = seen.get(id);
      if (other && other.s.key.submission !== s.key.submission) {
        errors.push(`${s.result.student}/${nb}: ${other.dir} and ${dir} graded different submissions`);
      }
      seen.set(id, { dir, s });
    }
  }
  if (errors.length > 0) {
    throw new Error(
      `cannot merge these results:\n${errors.join("\n")}\nGrade every shard with the same instructor notebooks, grader version and limits.`,
    );
  }
}

/** One result per (student, notebook) from all the sets (they agree, see checkMergeable). */
export function mergeResults(sets: { results: StoredResult[] }[]): StoredResult[] {
  const byId = new Map<string, StoredResult>();
  for (const { results } of sets)
    for (const s of results) byId.set(`${s.result.student}\n${s.result.notebook}`, s);
  return [...byId.values()];
}
