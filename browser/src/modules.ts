/**
 * `require` for the lessons' code in the worker: the packages lessons import, as in tslab. `tslab` is
 * tslab's own display API (bundled into the worker); `@dlopt/lib`, `mathjs` and `danfojs-node` are
 * bundles of their own (browser/build.ts), loaded on first use with importScripts, and share one instance
 * of each package with one another through this same `require`.
 */
import * as tslabJupyter from "./tslabJupyter";
import { COURSE_ROOT } from "./platform";

/** Packages served as separate bundles: name to the file under `pkg/`. */
export const PACKAGE_BUNDLES: Record<string, string> = {
  "@dlopt/lib": "dlopt-lib.js",
  mathjs: "mathjs.js",
  "danfojs-node": "danfojs-node.js",
};

const loaded = new Map<string, unknown>([["tslab/dist/jupyter", tslabJupyter]]);

const scope = self as unknown as {
  importScripts(...urls: string[]): void;
  __coursePackage?: unknown;
  require?: unknown;
};

/** The module `id`, as the lessons' `import` (tslab: `require`) resolves it. */
export function moduleRequire(id: string): unknown {
  const have = loaded.get(id);
  if (have !== undefined) return have;
  // tslab's display API, loaded on first use (it reads process.version, set when the worker starts).

  if (id === "tslab") return loaded.set(id, require("tslab")).get(id);
  const file = PACKAGE_BUNDLES[id];
  if (!file)
    throw new Error(
      `Cannot find module '${id}' (the browser edition has ${["tslab", ...Object.keys(PACKAGE_BUNDLES)].join(", ")})`,
    );
  scope.__coursePackage = undefined;
  scope.importScripts(new URL(`pkg/${file}`, self.location.href).href);
  const mod = scope.__coursePackage;
  loaded.set(id, mod);
  return mod;
}

/** `require.resolve`: a package file's path under /course (lib asks where plotly's bundle is). */
moduleRequire.resolve = (id: string): string => `${COURSE_ROOT}/node_modules/${id}`;

// The package bundles' own require of one another (esbuild's __require looks for a global require).
scope.require = moduleRequire;
