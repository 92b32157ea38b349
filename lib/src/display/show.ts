import { checkOptionKeys } from "../core/validate";
import type { Figure } from "../plot/figure";
import { figureHtml, figureId, PLOT_CONFIG } from "../plot/figureHtml";
import { frontend } from "./frontend";

/** The MIME bundle `show` sends: plotly JSON, HTML with a drawing script, and a plain-text line. */
export type FigureMimeBundle = {
  "application/vnd.plotly.v1+json": { data: unknown[]; layout: unknown; frames?: unknown[]; config: unknown };
  "text/html": string;
  "text/plain": string;
};

/** A one-line description of a figure for `text/plain` (what a terminal or a text diff shows). */
export function figureText(fig: Figure): string {
  const types = [...new Set(fig.data.map((t) => t.type ?? "scatter"))].join(", ");
  const title = fig.layout.title as { text?: string } | string | undefined;
  const name = typeof title === "string" ? title : (title?.text ?? "");
  const frames = fig.frames && fig.frames.length > 0 ? `, ${fig.frames.length} frames` : "";
  return `<Figure${name ? ` "${name}"` : ""}: ${fig.data.length} traces (${types})${frames}>`;
}

/**
 * The MIME bundle for one figure (pure). `includePlotly` inlines plotly.js in the HTML part (the first
 * figure of a kernel session); `id` names the div.
 */
export function mimeBundle(
  fig: Figure,
  options: { id?: string; includePlotly?: boolean | string } = {},
): FigureMimeBundle {
  checkOptionKeys("mimeBundle", options, { id: true, includePlotly: true });
  return {
    "application/vnd.plotly.v1+json": {
      data: fig.data,
      layout: fig.layout,
      ...(fig.frames ? { frames: fig.frames } : {}),
      config: { ...PLOT_CONFIG, ...fig.config },
    },
    "text/html": figureHtml(fig, options),
    "text/plain": figureText(fig),
  };
}

let shown = 0;
/** Makes the divs' ids unique across kernel sessions whose outputs share a page. */
const session = Math.random().toString(16).slice(2, 10);

/**
 * Shows a figure in a notebook cell: one display with three MIME parts, sent through {@link frontend}. JupyterLab and Notebook 7
 * draw the plotly JSON (trusted or not, with the Python plotly package in the Jupyter environment); classic
 * Notebook and nbconvert's HTML export run the HTML part. plotly.js (from node_modules, never a CDN) is
 * inlined in the first figure of each kernel session only, so notebooks stay small.
 * @example
 * show(lossCurveFigure({ Adam: run.losses }, { log: true }));
 */
export function show(fig: Figure): void {
  if (!fig || !Array.isArray(fig.data) || typeof fig.layout !== "object") {
    throw new TypeError(`show(fig) needs a figure { data: [...], layout: {...} }, got ${String(fig)}`);
  }
  const id = `${figureId(fig)}-${session}-${shown}`;
  frontend().display(mimeBundle(fig, { id, includePlotly: shown === 0 }));
  shown++;
}
