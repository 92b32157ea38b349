/**
 * The course's plotly figure types (plain JSON, so the public .d.ts needs no DOM or plotly types) and the
 * look every figure shares: palette, fonts, margins, the base layout and a few helpers the builders use.
 */

/** One plotly trace (`{ type: "scatter", x, y, ... }`): plain JSON, any plotly attribute. */
export interface Trace {
  type?: string;
  name?: string;
  [attribute: string]: unknown;
}

/** A plotly layout: plain JSON, any plotly attribute. */
export interface Layout {
  [attribute: string]: unknown;
}

/** One animation frame: the traces (by index) it replaces, and optionally layout changes. */
export interface Frame {
  name: string;
  data: Trace[];
  traces?: number[];
  layout?: Layout;
}

/** A plotly figure as plain JSON: what `Plotly.newPlot(div, figure)` takes and what notebooks store. */
export interface Figure {
  data: Trace[];
  layout: Layout;
  frames?: Frame[];
  config?: Record<string, unknown>;
}

/**
 * The course palette (colour-blind-friendly, after Tableau 10 / Vega): trace i uses colour i mod 10.
 * Optimizers keep one colour across a lesson when called in the same order.
 */
export const COURSE_COLORS: readonly string[] = [
  "#4C78A8",
  "#F58518",
  "#54A24B",
  "#E45756",
  "#72B7B2",
  "#B279A2",
  "#EECA3B",
  "#9D755D",
  "#FF9DA6",
  "#79706E",
];

/** The font stack and sizes of every figure. */
export const COURSE_FONT = {
  family: "Inter, 'Helvetica Neue', Helvetica, Arial, sans-serif",
  size: 13,
  color: "#333",
};

/** Height in pixels of a one-row figure in a notebook (the width follows the cell). */
export const FIGURE_HEIGHT = 420;

/** Colour i of the palette (wraps around). */
export function courseColor(i: number): string {
  return COURSE_COLORS[((i % COURSE_COLORS.length) + COURSE_COLORS.length) % COURSE_COLORS.length];
}

const AXIS = {
  showgrid: true,
  gridcolor: "#e6e6e6",
  zeroline: false,
  linecolor: "#999",
  ticks: "outside",
  tickcolor: "#999",
  automargin: true,
};

/** The common axis style; `extra` is merged over it. */
export function axis(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...AXIS, ...extra };
}

/**
 * The bold title centred above one panel of a figure with several: a layout annotation on the panel's
 * axes `ax` ("" for the first, "2", "3", ...).
 */
export function panelTitle(text: string, ax: string): Record<string, unknown> {
  return {
    text: `<b>${text}</b>`,
    xref: `x${ax} domain`,
    yref: `y${ax} domain`,
    x: 0.5,
    y: 1.02,
    xanchor: "center",
    yanchor: "bottom",
    showarrow: false,
  };
}

/** Options every figure builder accepts. */
export interface FigureOptions {
  /** A title above the plot. */
  title?: string;
  /** Height in pixels (default FIGURE_HEIGHT, or more for stacked panels). */
  height?: number;
  /** Width in pixels; by default the figure fills the cell's width. */
  width?: number;
}

/**
 * The base layout: white background, course font and colours, tight margins, legend on the right, sized
 * for a notebook. `extra` is merged over it (one level deep).
 */
export function baseLayout(options: FigureOptions = {}, extra: Layout = {}): Layout {
  const layout: Layout = {
    font: COURSE_FONT,
    colorway: COURSE_COLORS,
    paper_bgcolor: "white",
    plot_bgcolor: "white",
    margin: { l: 60, r: 20, t: options.title ? 50 : 20, b: 50 },
    height: options.height ?? FIGURE_HEIGHT,
    hovermode: "closest",
    legend: { bgcolor: "rgba(255,255,255,0.8)", bordercolor: "#ddd", borderwidth: 1 },
    xaxis: axis(),
    yaxis: axis(),
  };
  if (options.width !== undefined) layout.width = options.width;
  else layout.autosize = true;
  if (options.title) layout.title = { text: options.title, x: 0.02, xanchor: "left", font: { size: 16 } };
  for (const [k, v] of Object.entries(extra)) {
    const old = layout[k];
    layout[k] =
      isPlainObject(old) && isPlainObject(v) ? { ...(old as object), ...(v as object) } : (v as unknown);
  }
  return layout;
}

function isPlainObject(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Rounds to `digits` significant digits (default 6): plots need no more, and notebooks stay small. */
export function round(v: number, digits = 6): number {
  if (!Number.isFinite(v) || v === 0) return v;
  return Number(v.toPrecision(digits));
}

/** A plain `number[]` copy of `values`, rounded to 6 significant digits; non-finite values become null. */
export function plain(values: ArrayLike<number>, digits = 6): (number | null)[] {
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = Number.isFinite(v) ? round(v, digits) : null;
  }
  return out;
}

/** 0, 1, ..., n - 1 as a plain array (the default x axis: steps). */
export function range(n: number, start = 0): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = start + i;
  return out;
}

/** Throws a RangeError naming `what` unless `values` is a non-empty array-like of numbers. */
export function checkSeries(what: string, values: ArrayLike<number>): void {
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    throw new TypeError(`Invalid ${what}: expected an array of numbers, got ${String(values)}`);
  }
  if (values.length === 0) throw new RangeError(`Invalid ${what}: empty`);
}

/** A `{ name: values }` record or a list of named series, as a list. */
export function namedSeries<T>(input: Record<string, T> | { name: string; values: T }[]): {
  name: string;
  values: T;
}[] {
  if (Array.isArray(input)) return input;
  return Object.entries(input).map(([name, values]) => ({ name, values }));
}
