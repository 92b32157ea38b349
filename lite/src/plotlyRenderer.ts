/**
 * Renders plotly figures (`application/vnd.plotly.v1+json`, which the course's figures carry beside an
 * HTML copy) with plotly.js, as JupyterLab with tslab shows them. plotly.js is the copy the browser
 * runtime serves (its files/), loaded once, on the first figure. No npm package provides a renderer for
 * JupyterLab 4 without module federation, hence these few lines.
 */
import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { PageConfig, URLExt } from "@jupyterlab/coreutils";
import { Widget } from "@lumino/widgets";

export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

interface Plotly {
  react(node: HTMLElement, data: unknown, layout: unknown, config: unknown): Promise<unknown>;
  Plots: { resize(node: HTMLElement): void };
}

let plotly: Promise<Plotly> | undefined;

function loadPlotly(): Promise<Plotly> {
  plotly ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = URLExt.join(
      PageConfig.getBaseUrl(),
      "runtime/files/node_modules/plotly.js-dist-min/plotly.min.js",
    );
    script.onload = () => resolve((window as unknown as { Plotly: Plotly }).Plotly);
    script.onerror = () => reject(new Error(`plotly.js not loaded from ${script.src}`));
    document.head.appendChild(script);
  });
  return plotly;
}

class PlotlyOutput extends Widget implements IRenderMime.IRenderer {
  constructor() {
    super();
    this.addClass("dlopt-plotly");
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const fig = model.data[PLOTLY_MIME] as { data?: unknown; layout?: unknown; config?: object };
    const Plotly = await loadPlotly();
    await Plotly.react(this.node, fig.data ?? [], fig.layout ?? {}, { responsive: true, ...fig.config });
  }

  protected override onResize(): void {
    if (this.node.classList.contains("js-plotly-plot"))
      void loadPlotly().then((p) => p.Plots.resize(this.node));
  }
}

export const plotlyRenderer: IRenderMime.IExtension = {
  id: "@dlopt/lite:plotly",
  description: "Renders plotly figures.",
  rendererFactory: { safe: true, mimeTypes: [PLOTLY_MIME], createRenderer: () => new PlotlyOutput() },
  rank: 0,
  dataType: "json",
};
