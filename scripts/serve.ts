/**
 * `npm run serve [-- --port N] [--dir DIR]`: the built website (build/site/, see `npm run build`) on
 * http://127.0.0.1, the live lesson pages included (their worker cannot start from file://). Prints the URL
 * and serves until stopped. Written on Node's http rather than taken from a package: a loopback-only
 * server of static files with gzip is these few lines, and the browser tests and `npm run bench -- browser`
 * use the same one.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import * as zlib from "zlib";
import { ROOT } from "../jupyter/environment";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".ipynb": "application/x-ipynb+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
};

/** Types sent gzipped when the client accepts it. */
const COMPRESSED = /^(text\/|application\/(json|x-ipynb\+json|wasm)|image\/svg)/;

export interface StaticServer {
  server: http.Server;
  /** The site's URL, ending in /. */
  base: string;
}

/**
 * Gzipped files by path, each made once per version (etag) and kept, as static hosts keep or precompress
 * them: compressing the runtime's megabytes again for every visit would cost more time than sending them.
 */
const gzipped = new Map<string, { etag: string; body: Promise<Buffer> }>();

function compressed(file: string, etag: string): Promise<Buffer> {
  const have = gzipped.get(file);
  if (have?.etag === etag) return have.body;
  const body = fs.promises
    .readFile(file)
    .then((bytes) => new Promise<Buffer>((ok, fail) => zlib.gzip(bytes, (e, z) => (e ? fail(e) : ok(z)))));
  gzipped.set(file, { etag, body });
  body.catch(() => gzipped.delete(file));
  return body;
}

/** Serves `dir` on 127.0.0.1 (`port` 0: a free one); `/` and folders serve their index.html. */
export function serveStatic(dir: string, port = 0): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (file !== root && !file.startsWith(root + path.sep)) return void res.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file))
      return void res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    const st = fs.statSync(file);
    // A browser revalidates (cache-control no-cache) and gets 304 for a file it has: a lesson visited after
    // another downloads only what it adds.
    const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
    if (req.headers["if-none-match"] === etag) return void res.writeHead(304, { etag }).end();
    const gzip = COMPRESSED.test(type) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    res.writeHead(200, {
      "content-type": type,
      "cache-control": "no-cache",
      etag,
      ...(gzip ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}),
    });
    if (req.method === "HEAD") return void res.end();
    if (!gzip) return void fs.createReadStream(file).pipe(res);
    compressed(file, etag).then(
      (body) => res.end(body),
      () => res.destroy(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: p } = server.address() as { port: number };
      resolve({ server, base: `http://127.0.0.1:${p}/` });
    });
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let dir = path.join(ROOT, "build", "site");
  let port = 8080;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--port") port = Number(args[++i]);
    else if (args[i] === "--dir") dir = path.resolve(args[++i] ?? "");
    else throw new Error(`Unknown option: ${args[i]} (options: --port N, --dir DIR)`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port: ${port}`);
  if (!fs.existsSync(path.join(dir, "index.html")))
    throw new Error(`${dir} has no index.html: build the site first (npm run build)`);
  let served: StaticServer;
  try {
    served = await serveStatic(dir, port);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE") throw e;
    console.log(`port ${port} is in use; taking a free one`);
    served = await serveStatic(dir, 0);
  }
  console.log(`serving ${path.relative(process.cwd(), dir) || "."} at ${served.base} (Ctrl-C stops)`);
  if (fs.existsSync(path.join(dir, "lite", "index.html"))) console.log(`JupyterLite: ${served.base}lite/`);
}

if (require.main === module) {
  main().catch((e: Error) => {
    console.error(e.message);
    process.exitCode = 1;
  });
}
