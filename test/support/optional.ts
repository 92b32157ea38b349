/**
 * Skip messages of tests that need an optional component: each says what is missing and what enables it.
 */
import { FASHION_MNIST_DEBIAN_PATH } from "@dlopt/lib";

/** Debian's full Fashion-MNIST set. */
export const NO_FASHION_MNIST = `no ${FASHION_MNIST_DEBIAN_PATH}: install Debian's full set with sudo apt-get install dataset-fashion-mnist`;

/** The native optimizer kernels, compiled at install with the machine's C compiler. */
export const NO_NATIVE_KERNELS =
  "the native kernels are not built here: install a C compiler (Debian/Ubuntu: sudo apt-get install gcc " +
  "libc6-dev; macOS: xcode-select --install), then npm run build:native";

/** WebAssembly SIMD, which every supported Node has. */
export const NO_WASM_SIMD =
  "this JavaScript engine has no WebAssembly SIMD: use a supported Node (see README.md)";

/** A golden file that is not there (GOLDEN_FILE names another). */
export function noGoldenFile(file: string): string {
  return `no golden file at ${file}: restore test/fixtures/golden/torch-visible.json or point GOLDEN_FILE at one`;
}
