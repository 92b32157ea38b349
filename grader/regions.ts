/**
 * The delimited regions of authored cells: `BEGIN SOLUTION` ... `END SOLUTION` and `BEGIN HIDDEN TESTS`
 * ... `END HIDDEN TESTS` (matched as substrings, so `// BEGIN SOLUTION` works), as in nbgrader.
 */

export const STUB = 'throw new Error("not implemented");';
export const MARKDOWN_STUB = "YOUR ANSWER HERE";

export type RegionKind = "SOLUTION" | "HIDDEN TESTS";

/** Finds region problems (nested, unclosed, stray END); an empty list when the regions are well formed. */
export function regionErrors(source: string): string[] {
  const errors: string[] = [];
  let open: { kind: RegionKind; line: number } | null = null;
  source.split("\n").forEach((line, i) => {
    for (const kind of ["SOLUTION", "HIDDEN TESTS"] as RegionKind[]) {
      if (line.includes(`BEGIN ${kind}`)) {
        if (open)
          errors.push(`line ${i + 1}: BEGIN ${kind} nested inside BEGIN ${open.kind} of line ${open.line}`);
        else open = { kind, line: i + 1 };
      } else if (line.includes(`END ${kind}`)) {
        if (!open || open.kind !== kind) errors.push(`line ${i + 1}: END ${kind} without BEGIN ${kind}`);
        else open = null;
      }
    }
  });
  if (open)
    errors.push(
      `line ${(open as { line: number }).line}: BEGIN ${(open as { kind: string }).kind} is never closed`,
    );
  return errors;
}

export function hasRegion(source: string, kind: RegionKind): boolean {
  return source.includes(`BEGIN ${kind}`);
}

/**
 * Replaces every region of `kind` by `stub` (indented like its BEGIN line), or removes it when `stub` is
 * null. Delimiter lines go too. Assumes well-formed regions (see regionErrors).
 */
export function replaceRegions(source: string, kind: RegionKind, stub: string | null): string {
  const out: string[] = [];
  let inside = false;
  for (const line of source.split("\n")) {
    if (!inside && line.includes(`BEGIN ${kind}`)) {
      inside = true;
      if (stub !== null) out.push(line.slice(0, line.length - line.trimStart().length) + stub);
    } else if (inside && line.includes(`END ${kind}`)) {
      inside = false;
    } else if (!inside) {
      out.push(line);
    }
  }
  return out.join("\n");
}
