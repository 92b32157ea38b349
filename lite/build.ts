/**
 * Builds the JupyterLite edition into a folder of static files (build/lite/ by scripts/build-lite.ts):
 *
 * - lab/, notebooks/, tree/: JupyterLab and Notebook 7 (apps.ts), each an index.html whose
 *   `jupyter-config-data` names the site's folders, and a bundle of the app's plugins (src/main.ts) with
 *   the course's tslab kernel and plotly renderer; build/: the bundles, the plugins' settings schemas
 *   (build/schemas/all.json) and themes (build/themes/), as JupyterLite reads them;
 * - files/ and api/contents/all.json: the notebooks given (the student versions), which JupyterLite shows
 *   as the workspace's files; a learner's saved copy lives in the browser's storage and wins over them;
 * - runtime/: the browser runtime (build/browser/, built by `npm run build:browser`), which the kernel's
 *   worker loads;
 * - api/translations/: English only, so that no request fails.
 *
 * jupyterlite's app/ folder builds the same apps with module federation (for extensions added later, which
 * this edition does not take) and handlebars templates; this file is the project's smaller version of it.
 */
import * as fs from "fs";
import * as path from "path";
import { rspack, type Configuration, type MultiStats } from "@rspack/core";
import { Build } from "@jupyter/builder";
import baseConfig = require("@jupyter/builder/lib/webpack.config.base");
import { APPS, type LiteApp } from "./apps";

const HERE = __dirname;
const GENERATED = path.join(HERE, ".build");

export interface LiteBuild {
  /** The folder written (emptied first). */
  out: string;
  /** The browser runtime's folder (build/browser/). */
  runtime: string;
  /** The notebooks to put in the workspace. */
  notebooks: string[];
}

function version(pkg: string): string {
  return (JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), "utf8")) as { version: string })
    .version;
}

/** The page configuration JupyterLite reads (PageConfig); `./` paths are resolved against the site's root. */
function pageConfig(app: LiteApp): Record<string, unknown> {
  return {
    appName: "JupyterLite",
    appVersion: version("@jupyterlite/application"),
    appUrl: `/${app.name}`,
    baseUrl: "./",
    fullStaticUrl: "./build",
    settingsUrl: "./build/schemas",
    themesUrl: "./build/themes",
    licensesUrl: "./build/licenses",
    fullLabextensionsUrl: "./extensions",
    federated_extensions: [],
    defaultKernelName: "tslab",
    contentsAllJsonFile: "all.json",
    exposeAppInBrowser: "true",
    ...(app.name === "lab" ? { mode: "multiple-document" } : { notebookPage: app.name }),
    versionInfo: {
      "@jupyterlab/application": { label: "JupyterLab", version: version("@jupyterlab/application") },
      "@jupyter-notebook/application": {
        label: "Jupyter Notebook",
        version: version("@jupyter-notebook/application"),
      },
    },
  };
}

/** Resolves the config's `./` URLs against the site's root (the page's parent folder) before the bundle reads it. */
const CONFIG_SCRIPT = `(function () {
  var loc = window.location;
  if (!/(\\/|\\/index\\.html)$/.test(loc.pathname)) {
    loc.replace(loc.pathname + "/" + loc.search + loc.hash);
    return;
  }
  var el = document.getElementById("jupyter-config-data");
  var c = JSON.parse(el.textContent);
  var root = new URL("..", loc.href);
  for (var k in c) {
    if (/Url$/.test(k) && k !== "themesUrl" && typeof c[k] === "string" && c[k].indexOf("./") === 0)
      c[k] = new URL(c[k].slice(2), root).pathname;
  }
  el.textContent = JSON.stringify(c);
})();`;

function html(app: LiteApp, scripts: string[]): string {
  const config = JSON.stringify(pageConfig(app), null, 2).replace(/</g, "\\u003c");
  return `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${app.title} · Optimization for deep learning</title>
    <script id="jupyter-config-data" type="application/json">
${config}
    </script>
    <script>
${CONFIG_SCRIPT}
    </script>
${scripts.map((s) => `    <script defer src="../build/${s}"></script>`).join("\n")}
  </head>
  <body class="jp-ThemedContainer"${app.name === "lab" ? "" : ` data-notebook="${app.name}"`}></body>
</html>
`;
}

/** The entry module of an app: its style imports, plugin modules and the call of src/main.ts. */
function entry(app: LiteApp): string {
  const dir = path.join(GENERATED, app.name);
  const rel = path
    .relative(dir, path.join(HERE, "src", "main"))
    .split(path.sep)
    .join("/");
  const lines = [
    `import "./style.js";`,
    `import { ${app.appClass} as App } from ${JSON.stringify(app.appModule)};`,
    `import { main } from ${JSON.stringify(rel)};`,
    ...app.extensions.map((e, i) => `import * as e${i} from ${JSON.stringify(e)};`),
    ...app.mimeExtensions.map((e, i) => `import * as m${i} from ${JSON.stringify(e)};`),
    `main(App, [${app.extensions.map((_, i) => `e${i}`).join(", ")}], [${app.mimeExtensions
      .map((_, i) => `m${i}`)
      .join(", ")}], ${JSON.stringify(app.disabled)}).catch((e) => console.error(e));`,
  ];
  return lines.join("\n") + "\n";
}

/** The settings schemas of all plugins in one file, as JupyterLite's settings read them. */
function compileSchemas(schemaDir: string): void {
  const all: unknown[] = [];
  for (const pkgJson of fs.readdirSync(schemaDir, { recursive: true, encoding: "utf8" })) {
    if (!pkgJson.endsWith("package.json.orig")) continue;
    const dir = path.dirname(pkgJson);
    const { version: v } = JSON.parse(fs.readFileSync(path.join(schemaDir, pkgJson), "utf8")) as {
      version: string;
    };
    for (const f of fs
      .readdirSync(path.join(schemaDir, dir))
      .filter((x) => x.endsWith(".json"))
      .sort()) {
      const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, dir, f), "utf8")) as unknown;
      all.push({
        id: `${dir.split(path.sep).join("/")}:${f.slice(0, -5)}`,
        raw: "{}",
        schema,
        settings: {},
        version: v,
      });
    }
  }
  fs.writeFileSync(path.join(schemaDir, "all.json"), JSON.stringify(all));
}

function contentsModel(name: string, file: string): Record<string, unknown> {
  const stat = fs.statSync(file);
  return {
    name,
    path: name,
    type: name.endsWith(".ipynb") ? "notebook" : "file",
    format: null,
    mimetype: null,
    content: null,
    size: stat.size,
    writable: true,
    created: stat.mtime.toISOString(),
    last_modified: stat.mtime.toISOString(),
  };
}

function copyDir(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

function run(configs: Configuration[]): Promise<MultiStats> {
  return new Promise((resolve, reject) => {
    rspack(configs, (err, stats) => {
      if (err) return reject(err);
      if (!stats) return reject(new Error("rspack gave no stats"));
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(stats);
    });
  });
}

export async function buildLite({ out, runtime, notebooks }: LiteBuild): Promise<void> {
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(GENERATED, { recursive: true, force: true });
  const staticDir = path.join(out, "build");
  fs.mkdirSync(staticDir, { recursive: true });
  const themeConfigs: Configuration[] = [];
  const seen = new Set<string>();
  const entries: Record<string, string> = {};
  for (const app of APPS) {
    const dir = path.join(GENERATED, app.name);
    fs.mkdirSync(dir, { recursive: true });
    const packageNames = [...app.extensions, ...app.mimeExtensions];
    const themes = Build.ensureAssets({
      packageNames,
      output: dir,
      schemaOutput: staticDir,
      themeOutput: staticDir,
    });
    for (const t of themes as Configuration[]) {
      const key = String((t.output as { path: string }).path);
      if (seen.has(key)) continue;
      seen.add(key);
      themeConfigs.push({
        ...t,
        context: HERE,
        resolveLoader: { modules: [path.join(HERE, "node_modules")] },
      });
    }
    fs.writeFileSync(path.join(dir, "index.js"), entry(app));
    entries[app.name] = path.join(dir, "index.js");
  }
  compileSchemas(path.join(staticDir, "schemas"));
  // No federated extensions: their settings are an empty list (JupyterLite asks for them).
  fs.writeFileSync(path.join(staticDir, "schemas", "all_federated.json"), "[]");
  const base = baseConfig as Configuration & { module: { rules: unknown[] } };
  const main: Configuration = {
    ...base,
    mode: "development",
    devtool: false,
    entry: entries,
    context: HERE,
    output: {
      path: staticDir,
      publicPath: "auto",
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      assetModuleFilename: "[name].[contenthash:8][ext]",
      hashFunction: "xxhash64",
    },
    resolve: {
      ...base.resolve,
      extensions: [".ts", ".js"],
      // One yjs for the packages that import it and those that require it (two would be two Y.Docs).
      alias: { yjs$: require.resolve("yjs").replace(/yjs\.cjs$/, "yjs.mjs") },
      modules: [path.join(HERE, "node_modules"), "node_modules"],
    },
    resolveLoader: { modules: [path.join(HERE, "node_modules")] },
    module: {
      rules: [
        ...(base.module.rules as NonNullable<Configuration["module"]>["rules"] & object[]),
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: "builtin:swc-loader",
          options: { jsc: { parser: { syntax: "typescript" }, target: "es2022" } },
          type: "javascript/auto",
        },
      ],
    },
    optimization: {
      moduleIds: "deterministic",
      splitChunks: { chunks: "all" },
    },
    performance: { hints: false },
    stats: "errors-warnings",
  };
  const stats = await run([main, ...themeConfigs]);
  const mainStats = stats.stats[0].toJson({ all: false, entrypoints: true });
  for (const app of APPS) {
    const assets = (mainStats.entrypoints?.[app.name]?.assets ?? [])
      .map((a) => a.name)
      .filter((n) => n.endsWith(".js"));
    fs.mkdirSync(path.join(out, app.name), { recursive: true });
    fs.writeFileSync(path.join(out, app.name, "index.html"), html(app, assets));
  }
  fs.writeFileSync(
    path.join(out, "index.html"),
    `<!doctype html>\n<meta charset="utf-8" />\n<meta http-equiv="refresh" content="0; url=lab/index.html" />\n<a href="lab/index.html">JupyterLab</a>\n`,
  );
  // The workspace's files and their listing.
  fs.mkdirSync(path.join(out, "files"), { recursive: true });
  const listing = notebooks.map((f) => {
    const name = path.basename(f);
    fs.copyFileSync(f, path.join(out, "files", name));
    return contentsModel(name, f);
  });
  fs.mkdirSync(path.join(out, "api", "contents"), { recursive: true });
  fs.writeFileSync(
    path.join(out, "api", "contents", "all.json"),
    JSON.stringify({
      name: "",
      path: "",
      type: "directory",
      format: "json",
      mimetype: null,
      writable: true,
      content: listing,
    }),
  );
  fs.mkdirSync(path.join(out, "api", "translations"), { recursive: true });
  const english = { displayName: "English", nativeName: "English" };
  fs.writeFileSync(
    path.join(out, "api", "translations", "all.json"),
    JSON.stringify({ data: { en: english }, message: "" }),
  );
  fs.writeFileSync(
    path.join(out, "api", "translations", "en.json"),
    JSON.stringify({ data: {}, message: "" }),
  );
  copyDir(runtime, path.join(out, "runtime"));
}
