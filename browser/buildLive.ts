/**
 * The live lesson pages' script (src/live.ts: CodeMirror 6 editors, Run, Run all, Restart, stored edits,
 * Download notebook) bundled by esbuild into one file beside the runtime's files, which the website's
 * lesson pages load when they are served over http (scripts/site/live.ts).
 */
import * as esbuild from "esbuild";
import * as path from "path";

/** Bundles src/live.ts into `outfile`. */
export async function buildLive(outfile: string): Promise<void> {
  await esbuild.build({
    entryPoints: [path.join(__dirname, "src", "live.ts")],
    outfile,
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    logLevel: "warning",
  });
}
