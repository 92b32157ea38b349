/**
 * The NASA airfoil self-noise data (UCI; `datasets/airfoil_self_noise.dat`: 1,503 rows of 5 features and
 * the scaled sound pressure level in dB, tab separated) prepared as D2L's `get_data_ch11`: every column
 * standardized with the mean and population standard deviation of all 1,503 rows, then the first
 * `rows` (default 1,500) kept. The course's small real regression problem for minibatch gradients.
 */
import { platform } from "../core/platform";
import type { Matrix } from "../core/types";
import { checkInteger, checkOptionKeys } from "../core/validate";

/** Options of {@link loadAirfoil}. */
export interface LoadAirfoilOptions {
  /** Rows kept after standardizing (D2L: 1500). Default 1500. */
  rows: number;
  /** The file to read. Default `airfoil_self_noise.dat` of the `@dlopt/datasets` package (datasets/). */
  file: string;
}

/** The standardized airfoil data. */
export interface Airfoil {
  /** rows x 5 features: frequency, angle of attack, chord length, free-stream velocity, suction thickness. */
  X: Matrix;
  /** The standardized sound pressure level of each row. */
  y: Float64Array;
  /** Each column's mean and population standard deviation over all rows of the file (features, then target). */
  mean: Float64Array;
  std: Float64Array;
  /** Column names, features then target. */
  columns: string[];
}

const COLUMNS = ["frequency", "angle", "chord", "velocity", "thickness", "sound pressure"];

/**
 * Reads and standardizes the airfoil data as D2L's `get_data_ch11(batch_size=10, n=1500)`:
 * $$\begin{aligned} z_{ij} &= (a_{ij} - \mu_j) / \sigma_j \quad (\mu, \sigma \text{ over all rows, } \sigma \text{ with } 1/n) \\
 * X &= z_{1..n,\,1..5}, \quad y = z_{1..n,\,6} \end{aligned}$$
 * Throws on a malformed line, naming the file and the line number.
 *
 * @example
 * const { X, y } = loadAirfoil();
 * [X.rows, X.cols, y.length]; //=> [1500, 5, 1500]
 */
export function loadAirfoil(options: Partial<LoadAirfoilOptions> = {}): Airfoil {
  checkOptionKeys("loadAirfoil", options, ["rows", "file"]);
  const { rows = 1500, file = platform().resolve("@dlopt/datasets/airfoil_self_noise.dat") } = options;
  checkInteger("number of rows", rows, 1);
  const text = new TextDecoder().decode(platform().readFile(file));
  const lines = text.split(/\r?\n/);
  const cols = COLUMNS.length;
  const values: number[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k].trim();
    if (line === "") continue;
    const fields = line.split(/\s+/);
    if (fields.length !== cols) {
      throw new Error(`${file}:${k + 1}: expected ${cols} fields, found ${fields.length}: "${line}"`);
    }
    for (const f of fields) {
      const v = Number(f);
      if (!Number.isFinite(v)) throw new Error(`${file}:${k + 1}: not a number: "${f}"`);
      values.push(v);
    }
  }
  const n = values.length / cols;
  if (rows > n) throw new RangeError(`Invalid number of rows: ${rows} (${file} has ${n})`);
  const mean = new Float64Array(cols);
  const std = new Float64Array(cols);
  for (let i = 0; i < n; i++) for (let j = 0; j < cols; j++) mean[j] += values[i * cols + j];
  for (let j = 0; j < cols; j++) mean[j] /= n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < cols; j++) std[j] += (values[i * cols + j] - mean[j]) ** 2;
  }
  for (let j = 0; j < cols; j++) {
    std[j] = Math.sqrt(std[j] / n);
    if (std[j] === 0) throw new Error(`${file}: column ${j + 1} (${COLUMNS[j]}) is constant`);
  }
  const X = { rows, cols: cols - 1, data: new Float64Array(rows * (cols - 1)) };
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols - 1; j++) X.data[i * (cols - 1) + j] = (values[i * cols + j] - mean[j]) / std[j];
    y[i] = (values[i * cols + cols - 1] - mean[cols - 1]) / std[cols - 1];
  }
  return { X, y, mean, std, columns: COLUMNS.slice() };
}
