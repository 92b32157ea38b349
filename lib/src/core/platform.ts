/**
 * The one place lib touches files: reading the data sets and the compiled kernels, and writing caches.
 * The default is Node's (fs, zlib, require.resolve); a runtime without files (the browser edition)
 * supplies its own with `setPlatform`, and the loaders and lessons do not change. Paths are strings with
 * "/" separators as the platform gives them (Node accepts "/" on every system).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";

/** What lib needs of the machine it runs on. */
export interface Platform {
  /** The bytes of a file; throws naming the file when it cannot be read. */
  readFile(file: string): Uint8Array;
  /** A file's bytes in consecutive chunks (about 1 MiB each), for files too large to hold as one string. */
  readChunks(file: string): Iterable<Uint8Array>;
  /** True when the file or folder exists. */
  exists(file: string): boolean;
  /**
   * Writes a file, creating its folders; text is written as UTF-8 and an iterable chunk by chunk. The
   * file appears whole or not at all (a reader never sees half of it).
   */
  writeFile(file: string, data: string | Uint8Array | Iterable<string | Uint8Array>): void;
  /** Decompresses gzip data. */
  gunzip(bytes: Uint8Array): Uint8Array;
  /**
   * The location of a file of an installed package, whether or not the file exists, e.g.
   * `@dlopt/datasets/airfoil_self_noise.dat` or `@dlopt/lib/wasm/gemm.wasm` (Node: the folder where
   * require.resolve finds the package's package.json, then the path in it).
   */
  resolve(specifier: string): string;
  /** The folder for lib's caches (Node: node_modules/.cache/dlopt of the project lib runs in). */
  cacheDir(): string;
}

/** `parts` joined with "/" (no doubled separators). */
export function joinPath(...parts: string[]): string {
  return parts
    .filter((p) => p !== "")
    .map((p, i) => (i === 0 ? p.replace(/[\\/]+$/, "") : p.replace(/^[\\/]+|[\\/]+$/g, "")))
    .join("/");
}

/**
 * The nearest folder at or above `start` with a package.json: the project whose node_modules holds the
 * cache, as the find-cache-dir convention of babel, webpack and eslint (not a dependency: these lines
 * are all of it that lib needs).
 */
function projectOf(start: string): string | null {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

let written = 0;

/** Node's platform. */
export const nodePlatform: Platform = {
  readFile(file) {
    return fs.readFileSync(file);
  },
  *readChunks(file) {
    const fd = fs.openSync(file, "r");
    try {
      const buffer = new Uint8Array(1 << 20);
      for (;;) {
        const n = fs.readSync(fd, buffer, 0, buffer.length, null);
        if (n === 0) return;
        yield buffer.subarray(0, n);
      }
    } finally {
      fs.closeSync(fd);
    }
  },
  exists(file) {
    return fs.existsSync(file);
  },
  writeFile(file, data) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}-${written++}`;
    try {
      const fd = fs.openSync(tmp, "w");
      try {
        const chunks = typeof data === "string" || data instanceof Uint8Array ? [data] : data;
        for (const chunk of chunks) {
          if (typeof chunk === "string") fs.writeSync(fd, chunk);
          else fs.writeSync(fd, chunk);
        }
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, file);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
  },
  gunzip(bytes) {
    return zlib.gunzipSync(bytes);
  },
  resolve(specifier) {
    const parts = specifier.split("/");
    const name = parts.splice(0, specifier.startsWith("@") ? 2 : 1).join("/");
    return path.join(path.dirname(require.resolve(`${name}/package.json`)), ...parts);
  },
  cacheDir() {
    const project = projectOf(process.cwd());
    return project !== null
      ? path.join(project, "node_modules", ".cache", "dlopt")
      : path.join(os.tmpdir(), "dlopt-cache");
  },
};

let current: Platform | null = null;

/** The platform lib reads and writes files through: the one set by setPlatform, else Node's. */
export function platform(): Platform {
  return current ?? nodePlatform;
}

/** Plugs a platform in (the browser runtime, a test); null restores Node's. */
export function setPlatform(p: Platform | null): void {
  current = p;
}
