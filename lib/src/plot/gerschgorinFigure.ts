import { checkOptionKeys } from "../core/validate";
import type { Matrix } from "../core/types";
import {
  axis,
  baseLayout,
  courseColor,
  panelTitle,
  round,
  type Figure,
  type FigureOptions,
  type Trace,
} from "./figure";

/** One panel of gerschgorinFigure. */
export interface GerschgorinPanel {
  /** The panel's title, e.g. "M" or "D^{-1/2} M D^{-1/2}". */
  name: string;
  matrix: Matrix;
  /** The eigenvalues; computed (Jacobi rotations) when the matrix is symmetric and they are not given. */
  eigenvalues?: ArrayLike<number> | { re: ArrayLike<number>; im: ArrayLike<number> };
}

export interface GerschgorinOptions extends FigureOptions {
  /**
   * With one matrix: also draw its diagonal (Jacobi) preconditioning D^{-1/2} M D^{-1/2}, D = diag(M), in a
   * second panel (default true).
   */
  precondition?: boolean;
}

function checkSquare(name: string, m: Matrix): void {
  if (
    !m ||
    !(m.data instanceof Float64Array) ||
    m.rows !== m.cols ||
    m.data.length !== m.rows * m.cols ||
    m.rows < 1
  ) {
    throw new RangeError(
      `Invalid matrix "${name}": need a square Matrix, got ${m ? `${m.rows}x${m.cols}` : String(m)}`,
    );
  }
}

/** D^{-1/2} M D^{-1/2} with D = diag(M) (unit diagonal): throws unless the diagonal is positive. */
function jacobiScaled(m: Matrix): Matrix {
  const n = m.rows;
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = m.data[i * n + i];
    if (!(d > 0)) throw new RangeError(`Invalid diagonal entry ${i} for preconditioning: ${d} (must be > 0)`);
    s[i] = 1 / Math.sqrt(d);
  }
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = s[i] * m.data[i * n + j] * s[j];
  return { rows: n, cols: n, data };
}

/** Eigenvalues of a symmetric matrix by cyclic Jacobi rotations (small n; sorted ascending). */
function symmetricEigenvalues(name: string, m: Matrix): Float64Array {
  const n = m.rows;
  const a = Float64Array.from(m.data);
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(a[i]));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(a[i * n + j] - a[j * n + i]) > 1e-12 * Math.max(scale, 1)) {
        throw new RangeError(
          `Matrix "${name}" is not symmetric (entry (${i}, ${j}) differs from (${j}, ${i})): pass its eigenvalues`,
        );
      }
    }
  }
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off <= 1e-30 * Math.max(scale * scale, 1e-300)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i * n + i];
  return out.sort();
}

function rgba(hex: string, alpha: number): string {
  const v = parseInt(hex.slice(1), 16);
  return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${alpha})`;
}

/**
 * Gerschgorin discs in the complex plane, one per row j (centre m_jj, radius Σ_{k≠j} |m_jk|), with the
 * eigenvalues marked: every eigenvalue lies in the union of the discs. Given one matrix, a second panel
 * shows D^{-1/2} M D^{-1/2} (diagonal preconditioning: unit diagonal, all discs centred at 1).
 * @example
 * gerschgorinFigure({ rows: 2, cols: 2, data: new Float64Array([4, 1, 1, 9]) });
 * // discs: centre 4 radius 1, centre 9 radius 1; eigenvalues 3.81, 9.19; after: centres 1, radii 1/6
 */
export function gerschgorinFigure(
  matrices: Matrix | GerschgorinPanel[],
  options: GerschgorinOptions = {},
): Figure {
  checkOptionKeys("gerschgorinFigure", options, {
    precondition: true,
    title: true,
    height: true,
    width: true,
  });
  let panels: GerschgorinPanel[];
  if (Array.isArray(matrices)) panels = matrices;
  else {
    checkSquare("M", matrices);
    panels = [{ name: "M", matrix: matrices }];
    if (options.precondition ?? true)
      panels.push({ name: "D^(−1/2) M D^(−1/2)", matrix: jacobiScaled(matrices) });
  }
  if (panels.length === 0)
    throw new RangeError("Invalid panels: gerschgorinFigure needs at least one matrix");
  const data: Trace[] = [];
  const shapes: unknown[] = [];
  const annotations: unknown[] = [];
  const extra: Record<string, unknown> = {
    grid: { rows: 1, columns: panels.length, pattern: "independent", xgap: 0.15 },
  };
  panels.forEach((panel, k) => {
    checkSquare(panel.name, panel.matrix);
    const { rows: n, data: m } = panel.matrix;
    const ax = k === 0 ? "" : String(k + 1);
    const centres: number[] = [];
    const radii: number[] = [];
    let lo = Infinity;
    let hi = -Infinity;
    let rMax = 0;
    for (let j = 0; j < n; j++) {
      let r = 0;
      for (let c = 0; c < n; c++) if (c !== j) r += Math.abs(m[j * n + c]);
      const centre = m[j * n + j];
      centres.push(round(centre));
      radii.push(round(r));
      lo = Math.min(lo, centre - r);
      hi = Math.max(hi, centre + r);
      rMax = Math.max(rMax, r);
      const color = courseColor(j);
      shapes.push({
        type: "circle",
        xref: `x${ax}`,
        yref: `y${ax}`,
        x0: round(centre - r),
        x1: round(centre + r),
        y0: round(-r),
        y1: round(r),
        line: { color, width: 1.5 },
        fillcolor: rgba(color, 0.12),
        layer: "below",
      });
    }
    let re: ArrayLike<number>;
    let im: ArrayLike<number>;
    const ev = panel.eigenvalues;
    if (ev === undefined) {
      re = symmetricEigenvalues(panel.name, panel.matrix);
      im = new Float64Array(re.length);
    } else if (typeof (ev as ArrayLike<number>).length === "number") {
      re = ev as ArrayLike<number>;
      im = new Float64Array(re.length);
    } else {
      re = (ev as { re: ArrayLike<number> }).re;
      im = (ev as { im: ArrayLike<number> }).im;
    }
    let imMax = 0;
    for (let i = 0; i < re.length; i++) {
      lo = Math.min(lo, re[i]);
      hi = Math.max(hi, re[i]);
      imMax = Math.max(imMax, Math.abs(im[i]));
    }
    data.push({
      type: "scatter",
      mode: "markers",
      name: "disc centres m_jj",
      legendgroup: "centres",
      showlegend: k === 0,
      x: centres,
      y: centres.map(() => 0),
      customdata: radii,
      xaxis: `x${ax}`,
      yaxis: `y${ax}`,
      marker: { symbol: "cross-thin", size: 9, line: { width: 1.5, color: "#555" } },
      hovertemplate: "centre %{x:.4g}, radius %{customdata:.4g}<extra></extra>",
    });
    data.push({
      type: "scatter",
      mode: "markers",
      name: "eigenvalues",
      legendgroup: "eigenvalues",
      showlegend: k === 0,
      x: Array.from(re, (v) => round(v)),
      y: Array.from(im, (v) => round(v)),
      xaxis: `x${ax}`,
      yaxis: `y${ax}`,
      marker: { symbol: "x", size: 10, color: "#C0392B" },
      hovertemplate: "λ = %{x:.4g} + %{y:.4g}i<extra></extra>",
    });
    const half = Math.max(rMax, imMax, (hi - lo) * 0.05, 1e-9) * 1.15;
    const pad = Math.max((hi - lo) * 0.08, half * 0.1);
    extra[`xaxis${ax}`] = axis({
      title: { text: "Re" },
      range: [round(lo - pad), round(hi + pad)],
      zeroline: true,
      zerolinecolor: "#ccc",
    });
    extra[`yaxis${ax}`] = axis({
      title: { text: "Im" },
      range: [round(-half), round(half)],
      scaleanchor: `x${ax}`,
      scaleratio: 1,
      zeroline: true,
      zerolinecolor: "#ccc",
    });
    annotations.push(panelTitle(panel.name, ax));
  });
  extra.shapes = shapes;
  extra.annotations = annotations;
  extra.legend = { orientation: "h", x: 1, xanchor: "right", y: 1.08, yanchor: "bottom" };
  const layout = baseLayout({ ...options, height: options.height ?? 400 }, extra);
  layout.margin = { l: 60, r: 20, t: options.title ? 100 : 70, b: 60 };
  return { data, layout };
}
