/**
 * When an executed copy in build/executed/ can stand for a fresh execution: executeNotebook.ts records in its
 * metadata (`course_execution`) the sha256 of the notebook it executed and of the compiled library; the copy
 * is reused when it passed and both still match. `npm test` and `npm run build` thereby share executions.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

/** Folders whose content an execution depends on besides the notebook . */
export const LIB_DIRS = ["lib/dist", "lib/wasm"];

export function fileSha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** sha256 over the files of LIB_DIRS: each relative path, NUL, its bytes, NUL, in sorted path order. */
export function libSha256(root: string): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files.push(path.relative(root, p).split(path.sep).join("/"));
    }
  };
  for (const d of LIB_DIRS) walk(path.join(root, d));
  // by code point (not localeCompare), so that the order does not depend on the locale
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const h = createHash("sha256");
  for (const rel of files) {
    h.update(Buffer.from(rel + "\0", "utf8"));
    h.update(fs.readFileSync(path.join(root, rel)));
    h.update(Buffer.from("\0"));
  }
  return h.digest("hex");
}

export interface CourseExecution {
  seconds?: number;
  ok?: boolean;
  source_sha256?: string;
  lib_sha256?: string;
}

/** The execution record of an executed copy, or undefined when the file is missing or unreadable. */
export function executionRecord(executed: string): CourseExecution | undefined {
  if (!fs.existsSync(executed)) return undefined;
  try {
    const nb = JSON.parse(fs.readFileSync(executed, "utf8"));
    return (nb.metadata?.course_execution ?? {}) as CourseExecution;
  } catch {
    return undefined;
  }
}

/** Why `executed` cannot be reused for `source`, or undefined when it can. */
export function staleReason(source: string, executed: string, libHash: string): string | undefined {
  const record = executionRecord(executed);
  if (!record) return "no executed copy";
  if (record.ok !== true) return "the last execution failed";
  if (!record.source_sha256) return "the executed copy records no source hash";
  if (record.source_sha256 !== fileSha256(source)) return "the notebook changed";
  if (record.lib_sha256 !== libHash) return "the library changed";
  return undefined;
}
