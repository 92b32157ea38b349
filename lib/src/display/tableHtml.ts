import { checkOptionKeys } from "../core/validate";
/** Anything with named columns and rows of values: a danfojs DataFrame qualifies (`columns`, `values`). */
export interface TableLike {
  columns: string[];
  values: unknown[][] | unknown[];
}

export interface TableOptions {
  /** Significant digits for numbers (default 6); integers print in full. */
  digits?: number;
  /** A caption above the table. */
  caption?: string;
  /** Show a leading index column (default true). */
  index?: boolean;
}

/** Formats one number for a table: integers in full, others with `digits` significant digits. */
export function formatNumber(v: number, digits = 6): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e9)) return v.toExponential(digits - 1).replace(/\.?0+e/, "e");
  return String(Number(v.toPrecision(digits)));
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * An HTML table of a DataFrame or of columns given as `{ name: values }` (pure: returns the string).
 * @example
 * tableHtml({ t: [0, 1], x: [70, 56] }) //=> "<table class=\"course-table\">…<td>70</td>…</table>"
 */
export function tableHtml(
  table: TableLike | Record<string, ArrayLike<unknown>>,
  options: TableOptions = {},
): string {
  checkOptionKeys("tableHtml", options, { digits: true, caption: true, index: true });
  const digits = options.digits ?? 6;
  let columns: string[];
  let rows: unknown[][];
  if (Array.isArray((table as TableLike).columns) && "values" in table) {
    const t = table as TableLike;
    columns = t.columns;
    rows = (t.values as unknown[]).map((r) => (Array.isArray(r) ? r : [r]));
  } else {
    const cols = table as Record<string, ArrayLike<unknown>>;
    columns = Object.keys(cols);
    const n = Math.max(0, ...columns.map((c) => cols[c].length));
    rows = Array.from({ length: n }, (_, i) => columns.map((c) => cols[c][i]));
  }
  const cell = (v: unknown) =>
    escape(typeof v === "number" ? formatNumber(v, digits) : v === undefined ? "" : String(v));
  const showIndex = options.index ?? true;
  const head = (showIndex ? "<th></th>" : "") + columns.map((c) => `<th>${escape(c)}</th>`).join("");
  const body = rows
    .map(
      (r, i) => `<tr>${showIndex ? `<th>${i}</th>` : ""}${r.map((v) => `<td>${cell(v)}</td>`).join("")}</tr>`,
    )
    .join("");
  const caption = options.caption ? `<caption>${escape(options.caption)}</caption>` : "";
  return `<table class="course-table">${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
