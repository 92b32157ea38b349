/**
 * TypeScript's `sys` in the worker: a read-only file system holding the files tslab's converter reads in
 * Node (the lib.es*.d.ts of tslab's TypeScript, the automatic @types, and the .d.ts of the packages lessons
 * import), recorded by browser/typeFiles.ts at build time with the repository's paths under /course.
 * tslab's converter sets its own readFile/writeFile/watchFile for the cell's files on top of this.
 */
import type * as TS from "@tslab/typescript-for-tslab";
import { COURSE_ROOT, NOTEBOOK_DIR } from "./platform";

/** What the build writes to types.json: file contents by repository path, and symlinks (link to target). */
export interface TypeFiles {
  files: Record<string, string>;
  links: Record<string, string>;
}

function parentDirs(p: string): string[] {
  const out: string[] = [];
  for (let i = p.lastIndexOf("/"); i > 0; i = p.lastIndexOf("/", i - 1)) out.push(p.slice(0, i));
  return out;
}

/** A `ts.sys` over `types`; the compiler's own files are looked for under node_modules/@tslab. */
export function virtualSys(types: TypeFiles): TS.System {
  const files = new Map<string, string>();
  for (const [rel, text] of Object.entries(types.files)) files.set(`${COURSE_ROOT}/${rel}`, text);
  const links = Object.entries(types.links).map(
    ([link, target]) => [`${COURSE_ROOT}/${link}`, `${COURSE_ROOT}/${target}`] as const,
  );
  const dirs = new Set<string>([COURSE_ROOT, NOTEBOOK_DIR]);
  const children = new Map<string, Set<string>>();
  const addDir = (p: string) => {
    dirs.add(p);
    const parent = p.slice(0, p.lastIndexOf("/")) || "/";
    if (!children.has(parent)) children.set(parent, new Set());
    children.get(parent)!.add(p.slice(p.lastIndexOf("/") + 1));
  };
  for (const f of files.keys()) for (const d of parentDirs(f)) addDir(d);
  for (const [link] of links) for (const d of [link, ...parentDirs(link)]) addDir(d);

  const real = (p: string): string => {
    for (const [link, target] of links) {
      if (p === link || p.startsWith(link + "/")) return target + p.slice(link.length);
    }
    return p;
  };
  const notHere = (what: string) => () => {
    throw new Error(`${what} is not available in the browser`);
  };
  return {
    args: [],
    newLine: "\n",
    useCaseSensitiveFileNames: true,
    write: (s: string) => console.log(s),
    readFile: (p: string) => files.get(p) ?? files.get(real(p)),
    writeFile: notHere("ts.sys.writeFile"),
    resolvePath: (p: string) => p,
    fileExists: (p: string) => files.has(p) || files.has(real(p)),
    directoryExists: (p: string) => dirs.has(real(p)) || dirs.has(p),
    createDirectory: notHere("ts.sys.createDirectory"),
    getExecutingFilePath: () => `${COURSE_ROOT}/node_modules/@tslab/typescript-for-tslab/lib/typescript.js`,
    getCurrentDirectory: () => NOTEBOOK_DIR,
    getDirectories: (p: string) =>
      [...(children.get(real(p)) ?? children.get(p) ?? [])].filter((c) => dirs.has(`${p}/${c}`)),
    readDirectory: () => [],
    realpath: real,
    exit: notHere("ts.sys.exit"),
    // Files never change under the worker: watchers are no-ops.
    watchFile: () => ({ close: () => {} }),
    watchDirectory: () => ({ close: () => {} }),
    setTimeout: (cb: (...a: unknown[]) => void, ms?: number) => setTimeout(cb, ms),
    clearTimeout: (id: unknown) => clearTimeout(id as number),
  } as TS.System;
}
