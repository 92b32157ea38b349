/**
 * `npm run execute -- [notebook ...]`: executes the given notebooks (all of notebooks/ when none) through
 * Jupyter with the tslab kernel, writes executed copies to build/executed/, prints one line per notebook,
 * and exits non-zero when any fails.
 */
import { executeNotebooks, formatResult, lessonNotebooks } from "../jupyter/executeNotebook";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cellTimeout = Number(process.env.CELL_TIMEOUT ?? 120);
  const files = args.length > 0 ? args : lessonNotebooks();
  const results = await executeNotebooks(files, {
    cellTimeout,
    onResult: (r) => console.log(formatResult(r)),
  });
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
