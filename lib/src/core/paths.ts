import * as path from "path";

/** The course repository's root folder (this file is compiled to lib/dist/core/paths.js). */
export function projectRoot(): string {
  return path.resolve(__dirname, "..", "..", "..");
}

/** The absolute path of a file in the course's `datasets/` folder, wherever the notebook runs. */
export function datasetPath(...parts: string[]): string {
  return path.join(projectRoot(), "datasets", ...parts);
}
