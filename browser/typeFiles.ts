/**
 * The files tslab's converter reads to type-check a cell that imports every package the lessons use,
 * recorded by running the converter itself in Node: the lib.*.d.ts of its TypeScript, the automatic
 * @types of the repository's node_modules, and the .d.ts of @dlopt/lib, mathjs, danfojs-node and tslab
 * with everything they reference. The worker's file system (src/vfs.ts) holds exactly these, so a cell is
 * checked in the browser against the same declarations as in Jupyter.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "@tslab/typescript-for-tslab";
import type { TypeFiles } from "./src/vfs";

/** The packages whose declarations the browser holds: the lessons' imports. */
export const TYPED_PACKAGES = ["@dlopt/lib", "mathjs", "danfojs-node", "tslab"];

/** Records the files read while converting an import of TYPED_PACKAGES from `root`/notebooks. */
export function recordTypeFiles(root: string): TypeFiles {
  const read = new Set<string>();
  const readFile = ts.sys.readFile;
  const cwd = process.cwd();
  ts.sys.readFile = (p: string, encoding?: string) => {
    const text = readFile(p, encoding);
    if (text !== undefined) read.add(p);
    return text;
  };
  try {
    process.chdir(path.join(root, "notebooks"));

    const { createConverter } = require("tslab/dist/converter") as {
      createConverter(): {
        convert(d: string, s: string): { diagnostics: { messageText: string }[] };
        close(): void;
      };
    };
    const conv = createConverter();
    const src = TYPED_PACKAGES.map((p, i) => `import * as p${i} from "${p}";`).join("\n");
    const { diagnostics } = conv.convert("", src);
    conv.close();
    if (diagnostics.length > 0) {
      throw new Error(
        `importing ${TYPED_PACKAGES.join(", ")}: ${diagnostics.map((d) => d.messageText).join("; ")}`,
      );
    }
  } finally {
    ts.sys.readFile = readFile;
    process.chdir(cwd);
  }
  const files: Record<string, string> = {};
  for (const p of [...read].sort()) {
    const rel = path.relative(root, p);
    if (rel.startsWith("..")) throw new Error(`a type file outside the repository: ${p}`);
    files[rel] = fs.readFileSync(p, "utf8");
  }
  return { files, links: nodeModuleLinks(root) };
}

/** Symlinked packages in node_modules (the workspace's @dlopt/lib): link to target, repository paths. */
function nodeModuleLinks(root: string): Record<string, string> {
  const links: Record<string, string> = {};
  const nm = path.join(root, "node_modules");
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isSymbolicLink()) links[path.relative(root, p)] = path.relative(root, fs.realpathSync(p));
      else if (e.isDirectory() && e.name.startsWith("@") && dir === nm) visit(p);
    }
  };
  visit(nm);
  return links;
}
