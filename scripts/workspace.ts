/**
 * The learner's working copies of the notebooks. The learner owns the workspace folder: a notebook they
 * edited is never overwritten. A manifest records the hash of each copy as delivered; a copy still equal
 * to what was delivered is updated when the course changes, an edited one is kept and the new version is
 * written beside it as "<name> (new version).ipynb".
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../jupyter/environment";

const MANIFEST = ".course-manifest.json";

interface Manifest {
  delivered: Record<string, string>;
}

export interface SyncReport {
  added: string[];
  updated: string[];
  keptEdited: string[];
  besides: string[];
}

const sha = (text: Buffer | string) => createHash("sha256").update(text).digest("hex");

/** The workspace folder: COURSE_WORKSPACE or workspace/, which must lie inside the project (imports of @dlopt/lib resolve from there). */
export function workspaceDir(): string {
  const dir = path.resolve(process.env.COURSE_WORKSPACE ?? path.join(ROOT, "workspace"));
  const rel = path.relative(ROOT, dir);
  if (rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new Error(
      `COURSE_WORKSPACE=${dir} must be inside the course folder ${ROOT} (the notebooks import @dlopt/lib from there)`,
    );
  }
  return dir;
}

/** Copies each source notebook into `dir` following the rules above. */
export function syncWorkspace(sources: string[], dir: string): SyncReport {
  fs.mkdirSync(dir, { recursive: true });
  const manifestFile = path.join(dir, MANIFEST);
  const manifest: Manifest = fs.existsSync(manifestFile)
    ? (JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest)
    : { delivered: {} };
  const report: SyncReport = { added: [], updated: [], keptEdited: [], besides: [] };
  for (const src of sources) {
    const name = path.basename(src);
    const fresh = fs.readFileSync(src);
    const freshHash = sha(fresh);
    const target = path.join(dir, name);
    if (!fs.existsSync(target)) {
      fs.writeFileSync(target, fresh);
      manifest.delivered[name] = freshHash;
      report.added.push(name);
      continue;
    }
    const currentHash = sha(fs.readFileSync(target));
    if (currentHash === freshHash) continue;
    if (currentHash === manifest.delivered[name]) {
      fs.writeFileSync(target, fresh);
      manifest.delivered[name] = freshHash;
      report.updated.push(name);
      continue;
    }
    report.keptEdited.push(name);
    if (freshHash === manifest.delivered[name]) continue;
    const beside = path.join(dir, name.replace(/\.ipynb$/, " (new version).ipynb"));
    if (!fs.existsSync(beside) || sha(fs.readFileSync(beside)) !== freshHash) {
      fs.writeFileSync(beside, fresh);
      report.besides.push(path.basename(beside));
    }
  }
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + "\n");
  return report;
}
