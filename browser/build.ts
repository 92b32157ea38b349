/**
 * `npm run build:browser`: the browser runtime as static files in build/browser/.
 *
 * - worker.js: tslab's converter and executor over src/platform.ts (the Node built-ins) and src/vfs.ts (the
 *   declarations in types.json, recorded by typeFiles.ts); it loads typescript.js, tslab's TypeScript, first;
 * - pkg/*.js: @dlopt/lib (from lib/src), mathjs and danfojs-node, each loaded by the worker on first import;
 * - runtime.js and index.html: the page side (src/runtime.ts) and a bare page that runs a notebook's cells;
 * - files/ and files.json: the files lib reads at run time (WebAssembly kernels, data sets, plotly);
 *   gzipped.json: the data caches served gzipped (dataFiles.ts).
 *
 * Every Node built-in a bundled file imports must have its adapter in src/platform.ts (or be listed there
 * as unavailable): the build fails otherwise, naming the file.
 */
import * as esbuild from "esbuild";
import * as fs from "fs";
import * as path from "path";
import { builtinModules } from "module";
import * as zlib from "zlib";
import { recordTypeFiles } from "./typeFiles";
import { writeDataFiles } from "./dataFiles";
import { UNAVAILABLE } from "./src/platform";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "build", "browser");
const PLATFORM = path.join(__dirname, "src", "platform.ts");
const ADAPTERS = ["fs", "path", "zlib", "crypto", "vm", "module", "string_decoder", "buffer"];

/**
 * Files lib reads at run time, served under files/ (repository paths, packages as lib resolves them;
 * folders taken whole). package.json marks the project, whose node_modules/.cache lib uses.
 */
const SERVED = [
  "package.json",
  "lib/wasm",
  "node_modules/@dlopt/lib/wasm",
  "node_modules/@dlopt/datasets/airfoil_self_noise.dat",
  "node_modules/@dlopt/datasets/fashion-mnist-subset",
  "node_modules/plotly.js-dist-min/plotly.min.js",
];

/**
 * npm packages danfojs-node loads for what cannot work in a page (reading URLs and files with Node's
 * streams, Excel files, plotting into a DOM the worker does not have): replaced by stubs whose every use
 * throws, naming the package. The rest of danfo (DataFrame, Series, their operations) is bundled as it is.
 */
const NODE_ONLY_PACKAGES = ["request", "node-fetch", "stream-json", "xlsx", "plotly.js-dist-min"];

/**
 * danfo's `@tensorflow/tfjs-node` and `mathjs` as the parts of them danfo calls (src/tfjs.ts and
 * src/mathjsForDanfo.ts say which), bundled with danfo. The mathjs part is bundled on its own first, as an
 * ES module entry: required from danfo's CommonJS, esbuild would keep all of mathjs instead of the five
 * functions.
 */
const danfoDependenciesPlugin: esbuild.Plugin = {
  name: "danfo-dependencies",
  setup(build) {
    build.onResolve({ filter: /^@tensorflow\/tfjs-node$/ }, () => ({
      path: path.join(__dirname, "src", "tfjs.ts"),
    }));
    build.onResolve({ filter: /^mathjs$/ }, () => ({ path: "mathjs", namespace: "danfo-mathjs" }));
    build.onLoad({ filter: /.*/, namespace: "danfo-mathjs" }, async () => {
      const r = await esbuild.build({
        ...common,
        metafile: false,
        write: false,
        format: "cjs",
        entryPoints: [path.join(__dirname, "src", "mathjsForDanfo.ts")],
      });
      return { contents: r.outputFiles[0].text, loader: "js", resolveDir: __dirname };
    });
  },
};

/** The packages bundled on their own (src/modules.ts loads them): name, entry, output file. */
const PACKAGES: [string, string, string][] = [
  ["@dlopt/lib", path.join(ROOT, "lib", "src", "index.ts"), "dlopt-lib.js"],
  ["mathjs", "mathjs", "mathjs.js"],
  ["danfojs-node", "danfojs-node", "danfojs-node.js"],
];

const builtins = new Set(builtinModules.filter((m) => !m.startsWith("_")));

/**
 * Node built-ins from src/platform.ts. In the worker bundle they are platform.ts's exports; in the package
 * bundles, the worker's own platform module (`globalThis.__coursePlatform`, one instance for all).
 */
function builtinsPlugin(inWorker: boolean): esbuild.Plugin {
  return {
    name: "node-builtins",
    setup(build) {
      build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
        const bare = args.path.replace(/^node:/, "");
        // platform.ts itself takes the npm packages of the same names (buffer).
        if (!builtins.has(bare) || args.importer === PLATFORM) return undefined;
        const name = bare.split("/")[0];
        const known = ADAPTERS.includes(name) || (UNAVAILABLE as readonly string[]).includes(name);
        if (!known) {
          return {
            errors: [
              {
                text: `the Node built-in "${args.path}" (imported by ${path.relative(ROOT, args.importer)}) has no browser adapter in browser/src/platform.ts`,
              },
            ],
          };
        }
        return { path: name, namespace: "builtin" };
      });
      build.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => {
        const name = args.path;
        const from = inWorker ? `require(${JSON.stringify(PLATFORM)})` : "globalThis.__coursePlatform";
        const contents = ADAPTERS.includes(name)
          ? `module.exports = ${from}[${JSON.stringify(name)}];`
          : `module.exports = ${from}.unavailable(${JSON.stringify(name)});`;
        return { contents, loader: "js", resolveDir: __dirname };
      });
    },
  };
}

/** NODE_ONLY_PACKAGES as stubs from src/platform.ts (`unavailable`). */
const nodeOnlyPlugin: esbuild.Plugin = {
  name: "node-only-packages",
  setup(build) {
    // Package names, dotted ones included (plotly.js-dist-min); not relative paths.
    build.onResolve({ filter: /^(@[a-z]|[a-z])/ }, (args) => {
      const name = NODE_ONLY_PACKAGES.find((p) => args.path === p || args.path.startsWith(p + "/"));
      return name ? { path: args.path, namespace: "node-only" } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: "node-only" }, (args) => ({
      contents: `module.exports = globalThis.__coursePlatform.unavailable(${JSON.stringify(args.path)});`,
      loader: "js",
    }));
  },
};

/**
 * The bundled sources as Node runs them, with two changes made here:
 * - `__dirname` and `__filename` as Node gives them, with the repository seen as /course;
 * - tslab's converter keeps the source map of the code it emits (for the cell's own line and column in a
 *   runtime error's stack): two insertions, each failing the build when its anchor is gone.
 */
const sourcesPlugin: esbuild.Plugin = {
  name: "sources",
  setup(build) {
    build.onLoad({ filter: /\.(c?js|ts)$/ }, (args) => {
      let text = fs.readFileSync(args.path, "utf8");
      const converter = /tslab[/\\]dist[/\\]converter\.js$/.test(args.path);
      const dirname = /\b__(dirname|filename)\b/.test(text) && !args.path.startsWith(__dirname);
      if (!converter && !dirname) return undefined;
      if (converter) text = patchConverter(text);
      if (dirname) {
        const rel = path.relative(ROOT, args.path);
        text = `var __dirname = ${JSON.stringify("/course/" + path.dirname(rel))}, __filename = ${JSON.stringify("/course/" + rel)};${text}`;
      }
      return { contents: text, loader: args.path.endsWith(".ts") ? "ts" : "js" };
    });
  },
};

function patchConverter(text: string): string {
  const edits: [string, string][] = [
    ["declaration: true,", "declaration: true, sourceMap: true,"],
    [
      "if (fileName === dstFilename) {",
      'if (fileName === dstFilename + ".map") { exports.lastEmittedSourceMap = data; return; }\n' +
        "if (fileName === dstFilename) { exports.lastEmittedOutput = data;",
    ],
  ];
  for (const [anchor, replacement] of edits) {
    if (text.split(anchor).length !== 2)
      throw new Error(`tslab's converter changed: "${anchor}" not found once`);
    text = text.replace(anchor, replacement);
  }
  return text;
}

/**
 * TypeScript (tslab's copy) as the worker's first script, typescript.js, which defines the global `ts`; the
 * worker bundle's imports of it read that global. Loaded as TypeScript ships it (minified, not re-wrapped
 * as a bundled module), Chromium sets it up in two thirds of the time it takes inside the bundle.
 */
const TYPESCRIPT = "@tslab/typescript-for-tslab";
const typescriptPlugin: esbuild.Plugin = {
  name: "typescript-global",
  setup(build) {
    build.onResolve({ filter: /^@tslab\/typescript-for-tslab$/ }, () => ({
      path: TYPESCRIPT,
      namespace: "ts-global",
    }));
    build.onLoad({ filter: /.*/, namespace: "ts-global" }, () => ({
      contents: "module.exports = self.ts;",
      loader: "js",
    }));
  },
};

/**
 * The first lines of worker.js: says it has started (the live page's loader then loads the page's script),
 * fetches what the worker needs next (the file lists and types.json, read by
 * worker.ts; the bundles the lessons' first cells import, @dlopt/lib and danfo, into the HTTP cache), then
 * loads TypeScript while they arrive.
 */
function workerPrelude(): string {
  const bundles = PACKAGES.filter(([name]) => name !== "mathjs").map(([, , file]) => `pkg/${file}`);
  return `postMessage({ type: "started" });
self.__courseFetches = {};
["files.json", "gzipped.json", "types.json"].forEach(function (f) {
  self.__courseFetches[f] = fetch(f).then(function (r) { return r.ok ? r.text() : Promise.reject(new Error(f + ": HTTP " + r.status)); });
});
${JSON.stringify(bundles)}.forEach(function (f) { fetch(f).catch(function () {}); });
importScripts("typescript.js");`;
}

async function writeTypeScript(file: string): Promise<void> {
  const source = fs.readFileSync(require.resolve(`${TYPESCRIPT}/lib/typescript.js`), "utf8");
  const { code } = await esbuild.transform(source, {
    minify: true,
    target: "es2022",
    legalComments: "inline",
  });
  if (!/\bvar ts=\(/.test(code)) throw new Error(`${TYPESCRIPT}/lib/typescript.js no longer defines var ts`);
  fs.writeFileSync(file, code);
}

/** tslab's kernel writer (`tslab/dist/jupyter`, zeromq) replaced by the worker's (src/tslabJupyter.ts). */
const jupyterPlugin: esbuild.Plugin = {
  name: "tslab-jupyter",
  setup(build) {
    build.onResolve({ filter: /^(\.\/jupyter|tslab\/dist\/jupyter)$/ }, (args) => {
      if (args.path === "./jupyter" && !/tslab[/\\]dist$/.test(args.resolveDir)) return undefined;
      return { path: path.join(__dirname, "src", "tslabJupyter.ts") };
    });
  },
};

const common: esbuild.BuildOptions = {
  bundle: true,
  minify: true,
  platform: "browser",
  target: "es2022",
  logLevel: "warning",
  // Packages that reach a built-in through `require` in code paths the browser never takes still
  // resolve it through the plugins above; esbuild's warnings about them are not errors.
  logOverride: { "require-resolve-not-external": "silent", "indirect-require": "silent" },
  metafile: true,
};

/** Bytes of an output file as stored and as a server sends it gzipped. */
export interface FileSize {
  bytes: number;
  gzip: number;
}

/** Builds build/browser/; returns the sizes of the files a visit downloads (data files aside). */
export async function buildBrowser(): Promise<Record<string, FileSize>> {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(path.join(OUT, "pkg"), { recursive: true });
  const names = PACKAGES.map(([name]) => name);
  await esbuild.build({
    ...common,
    entryPoints: [path.join(__dirname, "src", "worker.ts")],
    outfile: path.join(OUT, "worker.js"),
    format: "iife",
    banner: { js: workerPrelude() },
    plugins: [typescriptPlugin, builtinsPlugin(true), sourcesPlugin, jupyterPlugin],
  });
  await writeTypeScript(path.join(OUT, "typescript.js"));
  for (const [name, entry, file] of PACKAGES) {
    await esbuild.build({
      ...common,
      entryPoints: [entry],
      outfile: path.join(OUT, "pkg", file),
      format: "iife",
      globalName: "__coursePackage",
      external: [
        ...names.filter((n) => n !== name && !(name === "danfojs-node" && n === "mathjs")),
        "tslab",
        "tslab/dist/jupyter",
      ],
      plugins: [
        builtinsPlugin(false),
        sourcesPlugin,
        ...(name === "danfojs-node" ? [nodeOnlyPlugin, danfoDependenciesPlugin] : []),
      ],
    });
  }
  await esbuild.build({
    ...common,
    entryPoints: [path.join(__dirname, "src", "page.ts")],
    outfile: path.join(OUT, "page.js"),
    format: "iife",
  });
  fs.copyFileSync(path.join(__dirname, "index.html"), path.join(OUT, "index.html"));
  fs.writeFileSync(path.join(OUT, "types.json"), JSON.stringify(recordTypeFiles(ROOT)));
  const served: string[] = [];
  for (const rel of SERVED) {
    const src = path.join(ROOT, rel);
    if (!fs.existsSync(src)) continue;
    const files = fs.statSync(src).isDirectory()
      ? fs.readdirSync(src, { recursive: true, encoding: "utf8" }).map((f) => path.join(rel, f))
      : [rel];
    for (const f of files) {
      if (fs.statSync(path.join(ROOT, f)).isDirectory()) continue;
      fs.mkdirSync(path.dirname(path.join(OUT, "files", f)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, f), path.join(OUT, "files", f));
      served.push(f);
    }
  }
  fs.writeFileSync(path.join(OUT, "files.json"), JSON.stringify(served.sort()));
  const data = writeDataFiles(ROOT, path.join(OUT, "files"));
  fs.writeFileSync(path.join(OUT, "gzipped.json"), JSON.stringify(data.paths));
  const sizes: Record<string, FileSize> = { "data (gzipped.json)": { bytes: data.bytes, gzip: data.gzip } };
  for (const f of [
    "worker.js",
    "typescript.js",
    "types.json",
    "page.js",
    ...PACKAGES.map(([, , f]) => `pkg/${f}`),
  ]) {
    const bytes = fs.readFileSync(path.join(OUT, f));
    sizes[f] = { bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  }
  return sizes;
}

if (require.main === module) {
  const t0 = Date.now();
  buildBrowser().then(
    (sizes) => {
      const kB = (n: number) => `${(n / 1000).toFixed(0).padStart(6)} kB`;
      console.log(`${"file".padEnd(22)} ${"bytes".padStart(9)} ${"gzip".padStart(9)}`);
      for (const [f, n] of Object.entries(sizes)) console.log(`${f.padEnd(22)} ${kB(n.bytes)} ${kB(n.gzip)}`);
      console.log(`build/browser in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    },
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
