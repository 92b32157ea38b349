/**
 * The JupyterLite edition on the site: build/lite/ (`npm run build:lite`), when it has been built, copied
 * into the site's lite/ folder, and the links to it: from the index, and from each lesson page to the
 * lesson opened in JupyterLab in the browser (the student version, kept in the browser's storage).
 */
import * as fs from "fs";
import * as path from "path";

/** Copies `liteDir` into `siteDir`/lite/ when it was built; whether it was. */
export function copyLiteEdition(liteDir: string, siteDir: string): boolean {
  if (!fs.existsSync(path.join(liteDir, "lab", "index.html"))) return false;
  fs.cpSync(liteDir, path.join(siteDir, "lite"), { recursive: true });
  return true;
}

/** The link from a lesson page to its notebook in JupyterLite's JupyterLab. */
export function liteLessonLink(notebook: string): string {
  const href = `lite/lab/index.html?path=${encodeURIComponent(path.basename(notebook))}`;
  return `<p class="lite-link"><a href="${href}">Open in JupyterLab in the browser</a> (runs here, nothing to install; your edits stay in this browser, File › Download gives the notebook to hand in)</p>`;
}

/** The paragraph of the index page on the JupyterLite edition. */
export function liteIndexParagraph(): string {
  return `<p class="lite-link">All lessons in <a href="lite/lab/index.html">JupyterLab in the browser</a> (or <a href="lite/tree/index.html">Jupyter Notebook</a>): the notebooks run in this browser with the TypeScript kernel, nothing to install; your edits stay in this browser's storage.</p>`;
}
