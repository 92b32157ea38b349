/**
 * The benchmarks' command-line arguments: `--name` flags and `--name value` options. Written here rather
 * than with node's util.parseArgs because `npm run bench` hands every benchmark the same arguments, so
 * each must pass over the options of the others (parseArgs' strict mode rejects them).
 */
const args = process.argv.slice(2);

/** True when the flag `name` ("--js") was given. */
export function flag(name: string): boolean {
  return args.includes(name);
}

/** The value given after `name`, or `fallback`. */
export function option(name: string, fallback: string): string {
  const k = args.indexOf(name);
  return k >= 0 && k + 1 < args.length ? args[k + 1] : fallback;
}

/** The number given after `name`, or `fallback`; throws, naming the option, when it is not a number. */
export function numberOption(name: string, fallback: number): number {
  const value = Number(option(name, String(fallback)));
  if (Number.isNaN(value)) throw new RangeError(`Invalid ${name}: ${option(name, "")}`);
  return value;
}
