/**
 * What learners receive: the student versions of the notebooks. When the grader's release has been built
 * (build/release/), those; otherwise the lesson notebooks as they are.
 */
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./jupyter";
import { lessonNotebooks } from "./notebook-runner";

export function learnerNotebooks(): string[] {
  const release = path.join(ROOT, "build", "release");
  if (fs.existsSync(release)) {
    const files = fs.readdirSync(release).filter((f) => f.endsWith(".ipynb"));
    if (files.length > 0) return files.sort().map((f) => path.join(release, f));
  }
  return lessonNotebooks();
}
