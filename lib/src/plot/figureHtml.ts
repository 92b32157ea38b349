import { checkOptionKeys } from "../core/validate";
import { hashText } from "../core/hashText";
import { platform } from "../core/platform";
import type { Figure } from "./figure";

/** Options of figureHtml. */
export interface FigureHtmlOptions {
  /** The div's id; default `dlopt-plot-` and a hash of the figure. Must be unique in the page. */
  id?: string;
  /** Inline plotly.js before the figure (true: the bundle from node_modules; a string: that source). */
  includePlotly?: boolean | string;
}

/** The plotly config every course figure uses: responsive, no logo, no plotly cloud link. */
export const PLOT_CONFIG = { responsive: true, displaylogo: false, showLink: false };

/** The path of the plotly.js bundle that notebooks inline (the project's own dependency, never a CDN). */
export function plotlyBundlePath(): string {
  return platform().resolve("plotly.js-dist-min/plotly.min.js");
}

let bundle: string | undefined;

/** The plotly.js bundle's source, read once from disk. */
export function plotlyBundle(): string {
  if (bundle === undefined) bundle = new TextDecoder().decode(platform().readFile(plotlyBundlePath()));
  return bundle;
}

/** JSON that is safe inside a <script> element (no "</script>", no "<!--"). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** A short id for a figure, from a hash of its JSON (pure). */
export function figureId(fig: Figure): string {
  return "dlopt-plot-" + hashText(JSON.stringify(fig)).slice(0, 12);
}

/**
 * The HTML that draws `fig` in a page: a div sized like the figure and a script that waits for
 * `window.Plotly` (inlined before it when `includePlotly` is set, once per page) and then draws. Works in
 * JupyterLab and Notebook outputs (trusted), classic Notebook and nbconvert's HTML export, offline. Pure.
 * @example
 * figureHtml({ data: [{ type: "scatter", y: [1, 2] }], layout: {} }, { id: "p1" })
 * //=> '<div id="p1" class="dlopt-plot" style="width:100%;height:420px"></div><script ...>...</script>'
 */
export function figureHtml(fig: Figure, options: FigureHtmlOptions = {}): string {
  checkOptionKeys("figureHtml", options, { id: true, includePlotly: true });
  const id = options.id ?? figureId(fig);
  if (!/^[A-Za-z][\w-]*$/.test(id)) throw new RangeError(`Invalid figure id: ${JSON.stringify(id)}`);
  const height = typeof fig.layout.height === "number" ? fig.layout.height : 420;
  const width = typeof fig.layout.width === "number" ? `${fig.layout.width}px` : "100%";
  let lib = "";
  if (options.includePlotly) {
    const src = typeof options.includePlotly === "string" ? options.includePlotly : plotlyBundle();
    // Hide AMD/CommonJS loaders (classic Notebook has require.js) so the bundle sets window.Plotly.
    lib =
      `<script type="text/javascript">if (!window.Plotly) { (function (module, exports, define) {\n` +
      `${src.replace(/<\/(script)/gi, "<\\/$1")}\n}).call(window); }</script>`;
  }
  const figure = {
    data: fig.data,
    layout: fig.layout,
    frames: fig.frames,
    config: { ...PLOT_CONFIG, ...fig.config },
  };
  const script =
    `(function () {` +
    `var fig = ${scriptJson(figure)};` +
    `var tries = 0;` +
    `function draw() {` +
    `var el = document.getElementById(${scriptJson(id)});` +
    `if (!el) return;` +
    `if (window.Plotly) { window.Plotly.newPlot(el, fig); return; }` +
    `if (++tries < 400) { setTimeout(draw, 50); return; }` +
    `el.textContent = "plotly.js is not loaded in this page: run the notebook's first plot cell again ` +
    `(the library is inlined once per kernel session).";` +
    `}` +
    `draw();` +
    `})();`;
  return (
    lib +
    `<div id="${id}" class="dlopt-plot" style="width:${width};height:${height}px"></div>` +
    `<script type="text/javascript">${script}</script>`
  );
}
