/**
 * The student version of an executed lesson, for the site: solution regions replaced by the stub, hidden
 * tests removed, manually graded answers blanked, and the outputs of every changed cell dropped (they could
 * reveal a solution). Regions are those of the grader (issue 8): `// BEGIN SOLUTION` ... `// END SOLUTION`,
 * `// BEGIN HIDDEN TESTS` ... `// END HIDDEN TESTS`; cells with `metadata.nbgrader.solution` and no region
 * are solutions as a whole (nbgrader's rule).
 */
import type { Cell, Notebook } from "../nbtext";
import { sourceText, toLines } from "../nbtext";

/** What a learner's solution region becomes. */
export const SOLUTION_STUB = ["// YOUR CODE HERE", 'throw new Error("not implemented");'];
/** What a learner's manually graded markdown answer becomes. */
export const ANSWER_STUB = "YOUR ANSWER HERE";

interface Region {
  begin: RegExp;
  end: RegExp;
  name: string;
}

const SOLUTION: Region = {
  begin: /^\s*\/\/\s*BEGIN SOLUTION\s*$/,
  end: /^\s*\/\/\s*END SOLUTION\s*$/,
  name: "SOLUTION",
};
const HIDDEN: Region = {
  begin: /^\s*\/\/\s*BEGIN HIDDEN TESTS\s*$/,
  end: /^\s*\/\/\s*END HIDDEN TESTS\s*$/,
  name: "HIDDEN TESTS",
};

function nbgrader(cell: Cell): { solution?: boolean } {
  const meta = cell.metadata?.nbgrader;
  return meta && typeof meta === "object" ? (meta as { solution?: boolean }) : {};
}

/**
 * Replaces each region of `lines` by `replace(indent)`; throws on a nested, unmatched or unclosed region,
 * naming the cell. Returns undefined when the source has no region.
 */
function replaceRegions(
  lines: string[],
  region: Region,
  replace: (indent: string) => string[],
  where: string,
): string[] | undefined {
  const out: string[] = [];
  let open: number | undefined;
  let found = false;
  lines.forEach((line, i) => {
    if (region.begin.test(line)) {
      if (open !== undefined) throw new Error(`${where}: nested BEGIN ${region.name} at line ${i + 1}`);
      open = i;
      found = true;
      out.push(...replace(/^\s*/.exec(line)![0]));
    } else if (region.end.test(line)) {
      if (open === undefined) throw new Error(`${where}: END ${region.name} without BEGIN at line ${i + 1}`);
      open = undefined;
    } else if (open === undefined) out.push(line);
  });
  if (open !== undefined)
    throw new Error(`${where}: BEGIN ${region.name} at line ${open + 1} is never closed`);
  return found ? out : undefined;
}

export interface StudentView {
  notebook: Notebook;
  /** 0-based indices of the cells whose source changed (their outputs were dropped). */
  changed: number[];
}

/** The student version of `nb` (a copy; `nb` is not modified). `name` is used in error messages. */
export function studentView(nb: Notebook, name = "notebook"): StudentView {
  const changed: number[] = [];
  const cells = nb.cells.map((cell, index): Cell => {
    const where = `${name}, cell ${index + 1}`;
    const lines = sourceText(cell).split("\n");
    if (cell.cell_type === "markdown") {
      if (!nbgrader(cell).solution) return cell;
      changed.push(index);
      return { ...cell, source: [ANSWER_STUB] };
    }
    if (cell.cell_type !== "code") return cell;
    let next = replaceRegions(lines, SOLUTION, (indent) => SOLUTION_STUB.map((l) => indent + l), where);
    if (!next && nbgrader(cell).solution) next = [...SOLUTION_STUB];
    const hidden = replaceRegions(next ?? lines, HIDDEN, () => [], where);
    if (hidden) next = hidden;
    if (!next) return cell;
    changed.push(index);
    return { ...cell, source: toLines(next.join("\n")), outputs: [], execution_count: null };
  });
  return { notebook: { ...nb, cells }, changed };
}
