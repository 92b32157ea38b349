/**
 * Loading the library's native kernels: Node-API addons compiled from lib/native/<name>.c into
 * lib/native/build/<name>.node by `npm install` (scripts/build-native.ts), for the processor of the machine
 * that built them (-march=native). Each addon is loaded only on a machine like the one it was built for
 * (the record beside it, <name>.node.json); elsewhere, and where no addon was built, the callers run their
 * WebAssembly or TypeScript code. Every kernel is bit-identical to the readable TypeScript it replaces.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The addons: lib/native/<name>.c, each a Node-API module. */
export type NativeAddonName = "optimStep" | "sparseLogistic" | "mlp32";

/** The built addon lib/native/build/<name>.node (the same path from lib/src/core and lib/dist/core). */
export function nativeAddonPath(name: NativeAddonName): string {
  return path.resolve(__dirname, "..", "..", "native", "build", `${name}.node`);
}

/**
 * The machine the native kernels are built for (scripts/build-native.ts writes it beside each addon):
 * they are compiled for its processor, and they are loaded only on a machine that matches.
 */
export function nativeBuildMachine(): { cpu: string; features: string; platform: string; arch: string } {
  // On Linux the processor's feature flags (a model name like "AMD EPYC" covers several generations).
  let features = "";
  try {
    const info = fs.readFileSync("/proc/cpuinfo", "utf8");
    features = /^flags\s*:(.*)$/m.exec(info)?.[1].trim() ?? "";
  } catch {
    features = "";
  }
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    features,
    platform: process.platform,
    arch: process.arch,
  };
}

function builtForThisMachine(file: string): boolean {
  try {
    const built = JSON.parse(fs.readFileSync(`${file}.json`, "utf8")) as Record<string, unknown>;
    const here = nativeBuildMachine();
    return (Object.keys(here) as (keyof typeof here)[]).every((key) => built[key] === here[key]);
  } catch {
    return false;
  }
}

const cache = new Map<NativeAddonName, unknown>();

/**
 * The exports of addon `name`, or null where it was not built or was built for another machine or Node
 * (then the WebAssembly or TypeScript code serves). Loaded once per process.
 */
export function nativeAddon<T>(name: NativeAddonName): T | null {
  if (!cache.has(name)) {
    let exports: unknown = null;
    const file = nativeAddonPath(name);
    if (fs.existsSync(file) && builtForThisMachine(file)) {
      try {
        const holder = { exports: {} };
        process.dlopen(holder, file);
        exports = holder.exports;
      } catch {
        exports = null; // built for another machine or Node
      }
    }
    cache.set(name, exports);
  }
  return cache.get(name) as T | null;
}
