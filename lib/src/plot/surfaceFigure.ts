import type { TestFunction } from "../core/types";
import { checkInteger, checkOptionKeys } from "../core/validate";
import { baseLayout, courseColor, plain, round, type Figure, type Trace } from "./figure";
import { CONTOUR_OPTION_KEYS, gridRows, plotDomain, scaleZ, type ContourOptions } from "./contourFigure";
import { gridEvaluate } from "./gridEvaluate";
import { thinIndices, trajectoryXY } from "./trajectoryXY";

/**
 * A 3D surface of a 2D test function (linear z by default; `zScale: "log"` as in contourFigure), with
 * trajectories drawn on the surface. Default grid 61², rotate with the mouse.
 * @example
 * show(surfaceFigure(saddle, { trajectories: [{ name: "GD", points: run.xs }] }));
 */
export function surfaceFigure(fn: TestFunction, options: ContourOptions = {}): Figure {
  checkOptionKeys("surfaceFigure", options, CONTOUR_OPTION_KEYS);
  const domain = plotDomain(fn, options.domain);
  const n = options.resolution ?? 61;
  checkInteger("resolution", n, 2);
  const grid = gridEvaluate(fn, domain, n, n);
  const scaled = scaleZ(grid, options.zScale ?? "linear");
  const data: Trace[] = [
    {
      type: "surface",
      name: fn.name,
      x: plain(grid.x),
      y: plain(grid.y),
      z: gridRows(scaled.z, n, n),
      colorscale: "Viridis",
      opacity: 0.92,
      showscale: options.colorbar ?? false,
      contours: { z: { show: true, usecolormap: true, project: { z: true }, width: 1 } },
      hovertemplate: `x=%{x:.3g}<br>y=%{y:.3g}<br>${scaled.label}=%{z:.3g}<extra></extra>`,
    },
  ];
  const p = new Float64Array(2);
  (options.trajectories ?? []).forEach((t, k) => {
    const { x, y } = trajectoryXY(t);
    const idx = thinIndices(x.length, options.maxPoints ?? 1000);
    const z = idx.map((i) => {
      p[0] = x[i];
      p[1] = y[i];
      return round(scaled.transform(fn.f(p)));
    });
    data.push({
      type: "scatter3d",
      mode: "lines+markers",
      name: t.name,
      x: idx.map((i) => round(x[i])),
      y: idx.map((i) => round(y[i])),
      z,
      line: { color: t.color ?? courseColor(k), width: 5 },
      marker: { size: 2.5, color: t.color ?? courseColor(k) },
    });
  });
  const [[x0, x1], [y0, y1]] = domain;
  return {
    data,
    layout: baseLayout(
      { ...options, height: options.height ?? 520 },
      {
        scene: {
          xaxis: { title: { text: "x₁" }, range: [x0, x1] },
          yaxis: { title: { text: "x₂" }, range: [y0, y1] },
          zaxis: { title: { text: scaled.label } },
          camera: { eye: { x: 1.5, y: -1.6, z: 0.9 } },
          aspectmode: "cube",
        },
        margin: { l: 0, r: 0, t: options.title ? 50 : 10, b: 0 },
        legend: { orientation: "h", x: 0, y: 1 },
      },
    ),
  };
}
