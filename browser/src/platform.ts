/**
 * The Node built-ins, for the browser: every `require("fs")`, `"path"`, `"zlib"`, … in the code bundled for
 * the worker (the course's lib, tslab's converter and executor, mathjs, danfo) is served from this one file
 * (browser/build.ts fails the build when a bundled file imports a built-in that is not listed here).
 *
 * The worker sees the course as the folder `/course` (the repository's layout: `/course/lib/dist`,
 * `/course/datasets`, `/course/node_modules`); a read of a file under it is a synchronous request (allowed in
 * workers) for `files/<path>` next to the worker script, among the files the build listed in `files.json`;
 * those listed in `gzipped.json` (data caches) are fetched as `files/<path>.gz` and unzipped here.
 * Writes stay in memory for the life of the worker. Hashing is @noble/hashes, gunzip fflate, `path`
 * path-browserify, `Buffer` the `buffer` package: maintained ports, no second implementation here.
 */
import { Buffer } from "buffer";
import { gunzipSync as fflateGunzip } from "fflate";
import { sha1 } from "@noble/hashes/legacy.js";
import { sha256, sha512 } from "@noble/hashes/sha2.js";
import { bytesToHex, randomBytes as nobleRandomBytes } from "@noble/hashes/utils.js";
// path-browserify is Node's own path module (posix) and has no declarations of its own.

const pathBrowserify = require("path-browserify") as typeof import("path");

/** Where the worker sees the repository. */
export const COURSE_ROOT = "/course";
/** Where the worker sees the notebook's folder (tslab's working directory in Jupyter). */
export const NOTEBOOK_DIR = "/course/notebooks";

const started = performance.now();

/** `process`: what the bundled code reads of it (tslab's converter reads `version`, lessons `hrtime`). */
export const process = {
  browser: true, // keeps TypeScript from taking the worker for Node (ts.sys is set by vfs.ts instead)
  version: "v20.0.0",
  versions: { node: "20.0.0" } as Record<string, string>,
  platform: "browser",
  arch: "wasm",
  pid: 1,
  argv: [] as string[],
  env: {} as Record<string, string | undefined>,
  cwd: () => NOTEBOOK_DIR,
  nextTick: (fn: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => fn(...args)),
  hrtime: Object.assign(
    (prev?: [number, number]): [number, number] => {
      const ns = (performance.now() - started) * 1e6;
      const t: [number, number] = [Math.floor(ns / 1e9), Math.floor(ns % 1e9)];
      if (!prev) return t;
      const d = (t[0] - prev[0]) * 1e9 + (t[1] - prev[1]);
      return [Math.floor(d / 1e9), d % 1e9];
    },
    { bigint: () => BigInt(Math.round((performance.now() - started) * 1e6)) },
  ),
  stdout: { write: (s: string) => (console.log(s.replace(/\n$/, "")), true), isTTY: false },
  stderr: { write: (s: string) => (console.error(s.replace(/\n$/, "")), true), isTTY: false },
  on: () => process,
  emitWarning: (w: unknown) => console.warn(w),
  dlopen: () => {
    throw new Error("native addons do not load in the browser");
  },
};

export { Buffer };

// ---- files -------------------------------------------------------------------------------------------

/** Paths (under COURSE_ROOT) the site serves, set by the worker from `files.json`. */
let served = new Set<string>();
/** Served paths stored gzipped (as `<path>.gz`). */
let gzipped = new Set<string>();
/** Base URL of the served files. */
let filesBase = "";
const written = new Map<string, Uint8Array>();
const madeDirs = new Set<string>();
const fetched = new Map<string, Uint8Array>();

/**
 * Sets the served files (paths relative to the repository), those of them stored gzipped, and the URL they
 * are fetched from.
 */
export function setServedFiles(paths: string[], baseUrl: string, gzippedPaths: string[] = []): void {
  gzipped = new Set(gzippedPaths.map((p) => pathBrowserify.join(COURSE_ROOT, p)));
  served = new Set([...paths.map((p) => pathBrowserify.join(COURSE_ROOT, p)), ...gzipped]);
  filesBase = baseUrl;
}

function absolute(p: string): string {
  return pathBrowserify.resolve(NOTEBOOK_DIR, String(p));
}

function enoent(p: string, op: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, ${op} '${p}'`), {
    code: "ENOENT",
    path: p,
  });
}

function readBytes(p: string): Uint8Array {
  const abs = absolute(p);
  const w = written.get(abs);
  if (w) return w;
  const cached = fetched.get(abs);
  if (cached) return cached;
  if (!served.has(abs)) throw enoent(p, "open");
  const xhr = new XMLHttpRequest();
  const gz = gzipped.has(abs);
  xhr.open("GET", filesBase + abs.slice(COURSE_ROOT.length + 1) + (gz ? ".gz" : ""), false);
  xhr.responseType = "arraybuffer";
  xhr.send();
  if (xhr.status !== 200) throw enoent(p, `open (HTTP ${xhr.status})`);
  const raw = new Uint8Array(xhr.response as ArrayBuffer);
  const bytes = gz ? fflateGunzip(raw) : raw;
  fetched.set(abs, bytes);
  return bytes;
}

function isDir(abs: string): boolean {
  if (madeDirs.has(abs)) return true;
  const prefix = abs.endsWith("/") ? abs : abs + "/";
  for (const s of served) if (s.startsWith(prefix)) return true;
  for (const s of written.keys()) if (s.startsWith(prefix)) return true;
  return false;
}

interface Fd {
  path: string;
  pos: number;
  chunks?: Uint8Array[];
}
const fds = new Map<number, Fd>();
let nextFd = 3;

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === "string" ? new TextEncoder().encode(data) : data;
}

/** `fs`: synchronous reads of the site's files, writes kept in memory. */
export const fs = {
  existsSync(p: string): boolean {
    const abs = absolute(p);
    return served.has(abs) || written.has(abs) || isDir(abs);
  },
  readFileSync(p: string, options?: string | { encoding?: string }): string | Buffer {
    const bytes = readBytes(p);
    const encoding = typeof options === "string" ? options : options?.encoding;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return encoding ? buf.toString(encoding as BufferEncoding) : buf;
  },
  writeFileSync(p: string, data: string | Uint8Array): void {
    written.set(absolute(p), toBytes(data).slice());
  },
  mkdirSync(p: string): void {
    madeDirs.add(absolute(p));
  },
  renameSync(from: string, to: string): void {
    const a = absolute(from);
    const b = absolute(to);
    for (const [k, v] of [...written]) {
      if (k === a || k.startsWith(a + "/")) {
        written.delete(k);
        written.set(b + k.slice(a.length), v);
      }
    }
    if (madeDirs.delete(a)) madeDirs.add(b);
  },
  rmSync(p: string): void {
    const a = absolute(p);
    for (const k of [...written.keys()]) if (k === a || k.startsWith(a + "/")) written.delete(k);
    madeDirs.delete(a);
  },
  openSync(p: string, flags = "r"): number {
    const fd = nextFd++;
    if (flags.startsWith("w")) fds.set(fd, { path: absolute(p), pos: 0, chunks: [] });
    else {
      readBytes(p); // ENOENT now, as Node does
      fds.set(fd, { path: absolute(p), pos: 0 });
    }
    return fd;
  },
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number {
    const f = fds.get(fd);
    if (!f) throw new Error(`EBADF: bad file descriptor ${fd}`);
    const bytes = readBytes(f.path);
    const from = position ?? f.pos;
    const n = Math.max(0, Math.min(length, bytes.length - from));
    buffer.set(bytes.subarray(from, from + n), offset);
    if (position === null) f.pos += n;
    return n;
  },
  writeSync(fd: number, data: string | Uint8Array): number {
    const f = fds.get(fd);
    if (!f?.chunks) throw new Error(`EBADF: bad file descriptor ${fd}`);
    const bytes = toBytes(data);
    f.chunks.push(bytes.slice());
    return bytes.length;
  },
  closeSync(fd: number): void {
    const f = fds.get(fd);
    fds.delete(fd);
    if (f?.chunks) {
      const total = f.chunks.reduce((n, c) => n + c.length, 0);
      const all = new Uint8Array(total);
      let at = 0;
      for (const c of f.chunks) {
        all.set(c, at);
        at += c.length;
      }
      written.set(f.path, all);
    }
  },
};

// ---- the other built-ins -----------------------------------------------------------------------------

export const path = pathBrowserify;

export const zlib = {
  gunzipSync: (bytes: Uint8Array): Buffer => Buffer.from(fflateGunzip(bytes)),
};

const HASHES: Record<string, (data: Uint8Array) => Uint8Array> = { sha1, sha256, sha512 };

export const crypto = {
  createHash(algorithm: string) {
    const hash = HASHES[algorithm.toLowerCase()];
    if (!hash) throw new Error(`crypto.createHash: ${algorithm} is not available in the browser`);
    const parts: Uint8Array[] = [];
    const h = {
      update(data: string | Uint8Array) {
        parts.push(toBytes(data));
        return h;
      },
      digest(encoding?: string) {
        const all = Buffer.concat(parts);
        const out = hash(all);
        return encoding === "hex" ? bytesToHex(out) : Buffer.from(out).toString(encoding as BufferEncoding);
      },
    };
    return h;
  },
  randomBytes: (n: number): Buffer => Buffer.from(nobleRandomBytes(n)),
};

/** Called with each piece of code run; returns the name it runs under in stack traces. */
let runHook: (code: string) => string = () => "tslab-cell.js";

export function setRunHook(hook: (code: string) => string): void {
  runHook = hook;
}

/** `vm.runInThisContext`: the worker's global scope, as tslab's executor expects. */
export const vm = {
  runInThisContext(code: string): unknown {
    return (0, eval)(code + "\n//# sourceURL=" + runHook(code));
  },
};

/** The require of the lessons' code, set by the worker (tslab's executor asks `module.createRequire`). */
let moduleRequire: ((id: string) => unknown) | undefined;

export function setModuleRequire(req: (id: string) => unknown): void {
  moduleRequire = req;
}

export const module = {
  createRequire: () => (id: string) => {
    if (!moduleRequire) throw new Error("the worker's require is not set");
    return moduleRequire(id);
  },
  _nodeModulePaths: () => [],
};

/** Node's StringDecoder over the browser's streaming TextDecoder (utf8 only, what lib reads). */
class StringDecoder {
  private readonly decoder: TextDecoder;
  constructor(encoding = "utf8") {
    this.decoder = new TextDecoder(encoding);
  }
  write(bytes: Uint8Array): string {
    return this.decoder.decode(bytes, { stream: true });
  }
  end(bytes?: Uint8Array): string {
    return (bytes ? this.decoder.decode(bytes, { stream: true }) : "") + this.decoder.decode();
  }
}

export const string_decoder = { StringDecoder };

export const buffer = { Buffer };

/**
 * Built-ins that bundled packages import but whose code paths never run in the worker (TypeScript's Node
 * `sys`, danfo's file and network readers, …). Each is an object whose every property throws, naming it.
 */
export const UNAVAILABLE = [
  "os",
  "inspector",
  "perf_hooks",
  "child_process",
  "stream",
  "http",
  "https",
  "url",
  "net",
  "tls",
  "events",
  "assert",
  "util",
  "worker_threads",
  "readline",
  "tty",
  "querystring",
  "punycode",
] as const;

export function unavailable(name: string): unknown {
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (prop === "__esModule") return false;
        if (prop === "default") return unavailable(name);
        throw new Error(`${name}.${String(prop)} is not available in the browser`);
      },
    },
  );
}
