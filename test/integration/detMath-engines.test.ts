/**
 * lib's detMath gives the same bits in Chromium as in Node: the same arguments (random ones over many
 * magnitudes, the special values, and the course's own uses: β^t for Adam's bias corrections, the sines and
 * cosines of Box-Muller) through lib's browser bundle of detMath in a page and through lib in Node. The
 * engine's own Math functions do not agree so (their differences are reported, not asserted: they vary with
 * the versions).
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import * as esbuild from "esbuild";
import type { Browser, Page } from "playwright-core";
import { detMath, seeded } from "@dlopt/lib";
import { launchBrowser, newOfflinePage } from "../support/browser";

type Name = "exp" | "log" | "log1p" | "log10" | "pow" | "sin" | "cos" | "atan2" | "cbrt";
const UNARY: Name[] = ["exp", "log", "log1p", "log10", "sin", "cos", "cbrt"];
const BINARY: Name[] = ["pow", "atan2"];
const N = 4000;
const SPECIAL = [
  0,
  -0,
  1,
  -1,
  0.5,
  2,
  3,
  -3,
  1e-300,
  5e-324,
  1e300,
  Infinity,
  -Infinity,
  NaN,
  Math.PI,
  Math.E,
];

/** Arguments for each function: special values, random ones over 1e-8 .. 1e8 of both signs, the course's. */
function argumentsFor(name: Name): [number, number][] {
  const rng = seeded(name.length * 7919 + name.charCodeAt(0));
  const wide = () => (rng.uniform() - 0.5) * 2 * 10 ** (16 * rng.uniform() - 8);
  const args: [number, number][] = [];
  for (const x of SPECIAL) for (const y of SPECIAL) args.push([x, y]);
  for (let i = 0; i < N; i++) args.push([wide(), wide()]);
  if (name === "exp") for (let i = 0; i < N; i++) args.push([-40 * rng.uniform(), 0]);
  if (name === "log" || name === "log1p") for (let i = 0; i < N; i++) args.push([rng.uniform(), 0]);
  if (name === "sin" || name === "cos")
    for (let i = 0; i < N; i++) args.push([2 * Math.PI * rng.uniform(), 0]);
  if (name === "pow") {
    for (const beta of [0.9, 0.99, 0.999, 0.96, 0.5]) for (let t = 1; t <= 2000; t++) args.push([beta, t]);
    for (let i = 0; i < N; i++) args.push([rng.uniform() * 10, 4 * rng.uniform() - 2]);
  }
  return args;
}

function evaluate(m: Record<Name, (x: number, y?: number) => number>, name: Name, args: [number, number][]) {
  const out = new Float64Array(args.length);
  const f = m[name];
  for (let i = 0; i < args.length; i++)
    out[i] = BINARY.includes(name) ? f(args[i][0], args[i][1]) : f(args[i][0]);
  return out;
}

/** The bits of each value, as hex. */
function bits(values: Float64Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString("hex");
}

function fromHex(hex: string): Float64Array {
  const b = Buffer.from(hex, "hex");
  return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/**
 * The page's side, plain JavaScript: runBits(name, argsHex, binary) evaluates lib's detMath[name] and the
 * engine's Math[name] on the argument pairs; arguments and results cross as bits (hex), so that -0, NaN and
 * the last bit arrive as they are.
 */
const PAGE = `
function fromHex(h) { return new Float64Array(Uint8Array.from(h.match(/../g) || [], (b) => parseInt(b, 16)).buffer); }
function toHex(v) { return Array.from(new Uint8Array(v.buffer), (b) => b.toString(16).padStart(2, "0")).join(""); }
function runBits(name, argsHex, binary) {
  const a = fromHex(argsHex);
  const run = (f) => {
    const out = new Float64Array(a.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = binary ? f(a[2 * i], a[2 * i + 1]) : f(a[2 * i]);
    return toHex(out);
  };
  return [run(__lib.detMath[name]), run(Math[name])];
}`;

let browser: Browser;
let page: Page;
const blocked: string[] = [];

before(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "detmath-"));
  // lib's detMath as a browser bundle, the way browser/build.ts bundles lib (esbuild, from lib's package).
  await esbuild.build({
    stdin: { contents: 'export { detMath } from "@dlopt/lib/dist/core/detMath";', resolveDir: __dirname },
    bundle: true,
    minify: true,
    format: "iife",
    globalName: "__lib",
    platform: "browser",
    target: "es2022",
    outfile: path.join(dir, "detmath.js"),
    logLevel: "warning",
  });
  fs.writeFileSync(
    path.join(dir, "index.html"),
    `<!doctype html><script src="detmath.js"></script><script>${PAGE}</script>`,
  );
  browser = await launchBrowser();
  page = await newOfflinePage(browser, blocked);
  await page.goto(pathToFileURL(path.join(dir, "index.html")).href);
});

after(async () => {
  await browser?.close();
  assert.deepEqual(blocked, [], "no request leaves the machine");
});

describe("detMath", { timeout: 300_000 }, () => {
  for (const name of [...UNARY, ...BINARY]) {
    it(`${name} gives the same bits in Chromium as in Node`, async (t) => {
      const args = argumentsFor(name);
      const node = bits(evaluate(detMath as never, name, args));
      const engineNode = bits(evaluate(Math as never, name, args));
      const flat = Float64Array.from(args.flat());
      const [chromium, engineChromium] = await page.evaluate(
        ([name, argsHex, binary]) =>
          (window as unknown as { runBits: (...a: unknown[]) => [string, string] }).runBits(
            name,
            argsHex,
            binary,
          ),
        [name, bits(flat), BINARY.includes(name)] as const,
      );
      // Equal values are equal bits, except that a NaN is any NaN (its sign and payload are not observable
      // but through a typed array, and the engines' Math.pow(1, Infinity) differ in the sign).
      const same = (x: number, y: number) => Object.is(x, y);
      const differing = (a: string, b: string) => {
        const x = fromHex(a);
        const y = fromHex(b);
        return [...x.keys()].filter((i) => !same(x[i], y[i]));
      };
      t.diagnostic(
        `${args.length} arguments; the engines' Math.${name} differ on ${differing(engineNode, engineChromium).length}, detMath.${name} on ${differing(node, chromium).length}`,
      );
      const x = fromHex(node);
      const y = fromHex(chromium);
      const first = differing(node, chromium)
        .slice(0, 5)
        .map((i) => `${name}(${args[i].join(", ")}): Node ${x[i]}, Chromium ${y[i]}`);
      assert.deepEqual(first, []);
    });
  }
});
