/**
 * The outputs of an executed notebook cell as HTML, as the course website shows them and the grader's
 * feedback pages too: text streams, errors, HTML, PNG/JPEG/GIF/SVG images, markdown, LaTeX, JSON and plotly
 * figures. A plotly figure (`application/vnd.plotly.v1+json`) becomes a placeholder
 * `<div class="plotly-figure">` with its JSON beside it, drawn in the browser by FIGURE_SCRIPT and the
 * page's one plotly.min.js; the figure's `text/html` alternative, which may inline plotly.js, is never
 * copied. Markdown and LaTeX are rendered by the functions the caller gives (the site's marked and KaTeX),
 * else shown as text.
 */
import { escapeHtml, scriptJson, stripAnsi } from "./html";

export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** A notebook output as stored in an .ipynb. */
export interface Output {
  output_type: "stream" | "display_data" | "execute_result" | "error" | string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

export interface OutputRenderOptions {
  /** Keeps element ids unique on a page. */
  prefix: string;
  /** Markdown to HTML (default: the text, escaped). */
  markdown?: (md: string) => string;
  /** LaTeX (without its $ delimiters) to HTML, display style (default: the text, escaped). */
  tex?: (tex: string) => string;
}

/**
 * Draws the page's plotly figures from the JSON stored beside their placeholders. With plotly.js already on
 * the page (the grader's reports), all of them, one per task. Otherwise (the site, whose site.js names
 * plotly.min.js in `data-plotly`), each when it comes near the view, plotly.js loaded for the first: a page
 * shows and answers at once, and a live page's runtime starts without plotly.js competing for the
 * processor; on a live page, plotly.js waits for the static figures until the runtime has started and run
 * the cells sent meanwhile (the event `course-runtime-ready`, or 15 s).
 * - `window.courseAddFigures(root, now)` takes the figures added under `root` later (a live cell's
 *   outputs; `now`: without that wait) and drops those no longer in the page;
 * - `window.courseDrawFigures()` draws the rest now; `<html data-figures="drawn">` says when all are drawn.
 */
export const FIGURE_SCRIPT = `// Draws the page's plotly figures from the JSON stored beside their placeholders.
(function () {
  var me = document.currentScript;
  var src = me && me.getAttribute("data-plotly");
  var waiting = [];
  var check = function () { if (!waiting.length) document.documentElement.setAttribute("data-figures", "drawn"); };
  var draw = function (f) {
    var k = waiting.indexOf(f);
    if (k < 0) return;
    waiting.splice(k, 1);
    if (f.el.isConnected) {
      var fig = JSON.parse(f.json.textContent);
      var config = Object.assign({ responsive: true, displaylogo: false }, fig.config || {});
      var drawn = Plotly.newPlot(f.el, { data: fig.data || [], layout: fig.layout || {}, frames: fig.frames, config: config });
      if (drawn && drawn.catch) drawn.catch(function (e) { f.el.textContent = "The figure could not be drawn: " + e.message; });
    }
    check();
  };
  var missing = function () {
    waiting.forEach(function (f) { f.el.textContent = "(plotly.js is missing: the figure cannot be drawn)"; });
    waiting = [];
    check();
  };
  // On a live page (its loader in the head set courseLiveConfig) plotly.js waits until the runtime has
  // started and run the cells sent meanwhile (or 15 s): both would compete for the processor.
  var held = window.courseLiveConfig ? [] : null;
  var release = function () {
    if (!held) return;
    var then = held;
    held = null;
    then.forEach(function (f) { withPlotly(f); });
  };
  if (held) {
    window.addEventListener("course-runtime-ready", release);
    setTimeout(release, 15000);
  }
  var withPlotly = function (then, now) {
    if (typeof Plotly !== "undefined") return then();
    if (!src) return missing();
    if (held && !now) return void held.push(then);
    var s = document.getElementById("plotly-js");
    if (!s) {
      s = document.createElement("script");
      s.id = "plotly-js";
      s.src = src;
      document.head.appendChild(s);
    }
    s.addEventListener("load", function () { then(); });
    s.addEventListener("error", missing);
  };
  var drawAll = function () {
    release();
    withPlotly(function () {
      var step = function () { if (waiting.length) { draw(waiting[0]); setTimeout(step, 0); } };
      step();
    });
  };
  var near = typeof Plotly === "undefined" && typeof IntersectionObserver !== "undefined"
    ? new IntersectionObserver(function (entries) {
        entries.forEach(function (e) {
          if (!e.isIntersecting) return;
          near.unobserve(e.target);
          var f = waiting.filter(function (w) { return w.el === e.target; })[0];
          if (f) withPlotly(function () { draw(f); }, f.now);
        });
      }, { rootMargin: "400px" })
    : null;
  var add = function (root, now) {
    waiting = waiting.filter(function (f) {
      if (!f.el.isConnected && near) near.unobserve(f.el);
      return f.el.isConnected;
    });
    var scripts = root.querySelectorAll('script[type="application/json"][data-figure]');
    var added = [];
    for (var i = 0; i < scripts.length; i++) {
      var el = document.getElementById(scripts[i].getAttribute("data-figure"));
      if (el) added.push({ el: el, json: scripts[i], now: !!now });
    }
    waiting = waiting.concat(added);
    if (added.length) document.documentElement.removeAttribute("data-figures");
    check();
    if (!added.length) return;
    if (!near) return drawAll();
    added.forEach(function (f) { near.observe(f.el); });
  };
  window.courseDrawFigures = drawAll;
  window.courseAddFigures = add;
  add(document);
})();
`;

const text = (v: unknown): string => (Array.isArray(v) ? v.join("") : typeof v === "string" ? v : "");

/** An HTML output that only carries the plotly.js bundle (inlined once per kernel session by the plot display). */
export function isPlotlyBundle(html: string): boolean {
  return html.length > 200_000 && /plotly/i.test(html.slice(0, 2000) + html.slice(-2000));
}

/** Merges consecutive stream outputs of the same stream (Jupyter sends them in pieces). */
export function mergeStreams(outputs: Output[]): Output[] {
  const merged: Output[] = [];
  for (const o of outputs) {
    const last = merged[merged.length - 1];
    if (o.output_type === "stream" && last?.output_type === "stream" && last.name === o.name) {
      merged[merged.length - 1] = { ...last, text: text(last.text) + text(o.text) };
    } else merged.push(o);
  }
  return merged;
}

/** Renders outputs one by one, counting the plotly figures (a page with none needs no plotly.js). */
export class OutputRenderer {
  figures = 0;

  constructor(private readonly options: OutputRenderOptions) {}

  render(o: Output): string {
    if (o.output_type === "stream") {
      const cls = o.name === "stderr" ? "stderr" : "stdout";
      return `<pre class="output stream ${cls}">${escapeHtml(stripAnsi(text(o.text)))}</pre>`;
    }
    if (o.output_type === "error") {
      const body = o.traceback?.length ? o.traceback.join("\n") : `${o.ename}: ${o.evalue}`;
      return `<pre class="output error">${escapeHtml(stripAnsi(body))}</pre>`;
    }
    const data = o.data ?? {};
    if (PLOTLY_MIME in data) {
      const raw = data[PLOTLY_MIME];
      const figure = typeof raw === "string" ? JSON.parse(raw) : raw;
      const id = `${this.options.prefix}-figure-${++this.figures}`;
      return (
        `<div class="output plotly-figure" id="${id}"></div>` +
        `<script type="application/json" data-figure="${id}">${scriptJson(figure)}</script>`
      );
    }
    if ("text/html" in data) {
      const html = text(data["text/html"]);
      if (isPlotlyBundle(html)) return "";
      return `<div class="output html">${html}</div>`;
    }
    if ("image/svg+xml" in data) return `<div class="output image">${text(data["image/svg+xml"])}</div>`;
    for (const mime of ["image/png", "image/jpeg", "image/gif"]) {
      if (mime in data) {
        const b64 = text(data[mime]).replace(/\s/g, "");
        return `<div class="output image"><img alt="figure" src="data:${mime};base64,${b64}"></div>`;
      }
    }
    const plain = (s: string) => `<pre class="output text">${escapeHtml(s)}</pre>`;
    if ("text/markdown" in data) {
      const md = text(data["text/markdown"]);
      return this.options.markdown
        ? `<div class="output markdown">${this.options.markdown(md)}</div>`
        : plain(md);
    }
    if ("text/latex" in data) {
      const tex = text(data["text/latex"])
        .trim()
        .replace(/^\$\$?|\$\$?$/g, "");
      return this.options.tex ? `<div class="output latex">${this.options.tex(tex)}</div>` : plain(tex);
    }
    if ("application/json" in data) {
      return `<pre class="output json">${escapeHtml(JSON.stringify(data["application/json"], null, 2))}</pre>`;
    }
    if ("text/plain" in data) return plain(stripAnsi(text(data["text/plain"])));
    return "";
  }
}
