/**
 * A build step of the browser edition (browser/build.ts): the data sets the browser cannot build for itself,
 * as the files lib's loaders read from their caches, gzipped. The browser's platform adapter
 * (src/platform.ts) serves each such file from `files/<path>.gz` and unzips it on read; `gzipped.json` lists
 * their paths.
 *
 * SpamAssassin (lesson 04): the loader tokenizes 6,046 e-mails from an npm package of 88 MB of mail files.
 * Its cache (the term counts, the idf weights and the vocabulary: lib/src/data/loadSpamAssassin.ts) is
 * what the browser downloads instead; the loader weighs the counts there with the same code as in Node.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { loadSpamAssassin, spamAssassinCachePath } from "@dlopt/lib";

/** Bytes of the data files as cached and as served (gzipped). */
export interface DataFiles {
  /** Repository paths of the files, each served as `<path>.gz`. */
  paths: string[];
  bytes: number;
  gzip: number;
}

/**
 * Writes the gzipped data files under `filesDir` (build/browser/files), building the caches first where
 * they are missing (SpamAssassin: about 10 s). `root` is the repository, seen as /course by the worker.
 */
export function writeDataFiles(root: string, filesDir: string): DataFiles {
  // The folder the worker's lib reads: node_modules/.cache/dlopt of the project (/course in the worker).
  const cacheDir = path.join(root, "node_modules", ".cache", "dlopt", "spam-assassin");
  loadSpamAssassin({ cacheDir });
  const dir = spamAssassinCachePath({ cacheDir });
  const out: DataFiles = { paths: [], bytes: 0, gzip: 0 };
  for (const name of fs.readdirSync(dir).sort()) {
    const rel = path.relative(root, path.join(dir, name)).split(path.sep).join("/");
    const bytes = fs.readFileSync(path.join(dir, name));
    const gz = zlib.gzipSync(bytes, { level: 9 });
    fs.mkdirSync(path.dirname(path.join(filesDir, rel)), { recursive: true });
    fs.writeFileSync(path.join(filesDir, rel + ".gz"), gz);
    out.paths.push(rel);
    out.bytes += bytes.length;
    out.gzip += gz.length;
  }
  return out;
}
