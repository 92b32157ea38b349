/**
 * The sandbox a submission's kernel runs in, made by bubblewrap (`bwrap`, Debian's `bubblewrap`, the
 * sandbox Flatpak uses): its own mount, PID, network, IPC and UTS namespaces, no capabilities, dying with
 * the kernel driver. Inside, the kernel sees:
 *
 * - the system (`/usr` and its links, a few files of `/etc`, a fresh `/dev`, `/proc` and `/tmp`) read-only;
 * - the course code (`lib`, `datasets`, `node_modules`, `package.json`, `tsconfig.json`) read-only, and the
 *   Node binary;
 * - its own writable scratch folder (the working folder the driver gives it, also its HOME) and the folder
 *   of its own connection file and sockets;
 * - nothing else: no grader output folder, no instructor notebooks, no other submission or scratch folder,
 *   no environment variable of the grader, and no network (its loopback is its own: it cannot reach a
 *   server on the host's 127.0.0.1).
 *
 * Because the kernel has no access to the host's loopback, it talks to the driver over Unix sockets
 * (Jupyter's `ipc` transport) in that connection folder; driver.py links the socket names jupyter_client
 * expects (`k-1`) to the ones tslab binds (`k:1`).
 *
 * Hand-written because it is a list of bwrap arguments; the isolation itself is bwrap's.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** System folders shown read-only (missing ones skipped; on merged-/usr systems /bin etc. are links). */
const SYSTEM = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64"];
/** Files of /etc a Node process reads (users, time zone, libraries); never /etc/shadow and the like. */
const ETC = [
  "/etc/passwd",
  "/etc/group",
  "/etc/hosts",
  "/etc/nsswitch.conf",
  "/etc/localtime",
  "/etc/ld.so.cache",
  "/etc/ssl",
  "/etc/ca-certificates",
];
/** What a kernel needs of the course: the library, its data and the packages. */
const COURSE = ["lib", "datasets", "node_modules", "package.json", "tsconfig.json"];

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const inside = (p: string, dir: string) => p === dir || p.startsWith(dir.endsWith("/") ? dir : `${dir}/`);

export interface SandboxOptions {
  /** The course root (its COURSE entries are shown read-only). */
  root: string;
  /** Folders the kernel must never see even if they lie inside a shown folder (output, sources, submissions). */
  hide: string[];
}

/** The bwrap arguments shared by every kernel (the per-run folders are added by `kernelArgv`). */
export function bwrapArgs(options: SandboxOptions): string[] {
  const args = ["--unshare-all", "--die-with-parent", "--cap-drop", "ALL", "--clearenv"];
  for (const d of SYSTEM) args.push("--ro-bind-try", d, d);
  for (const f of ETC) args.push("--ro-bind-try", f, f);
  args.push("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp");
  const shown: string[] = [...SYSTEM];
  const node = path.dirname(fs.realpathSync(process.execPath));
  if (!SYSTEM.some((d) => inside(node, d))) {
    args.push("--ro-bind", node, node);
    shown.push(node);
  }
  for (const c of COURSE) {
    const p = path.join(options.root, c);
    if (fs.existsSync(p)) {
      args.push("--ro-bind", p, p);
      shown.push(p);
    }
  }
  // A hidden folder inside a shown one is covered by an empty one.
  for (const h of options.hide.map((p) => path.resolve(p))) {
    if (fs.existsSync(h) && fs.statSync(h).isDirectory() && shown.some((s) => inside(h, s))) {
      args.push("--tmpfs", h);
    }
  }
  args.push("--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin", "--setenv", "LANG", "C.UTF-8");
  return args;
}

/**
 * The kernelspec argv that runs `kernel` (whose `{connection_file}` is substituted by Jupyter) in the
 * sandbox. A shell computes the per-run folders: the working folder (`$PWD`, the scratch) and the folder of
 * the connection file. It ignores SIGINT for bwrap (Jupyter interrupts the kernel's whole process group;
 * Node resets the disposition, so tslab still receives it).
 */
export function kernelArgv(kernel: string[], options: SandboxOptions): string[] {
  const fixed = bwrapArgs(options).map(quote).join(" ");
  const command = kernel.map((a) => (a === "{connection_file}" ? '"$1"' : quote(a))).join(" ");
  const script =
    `trap '' INT; d=$(dirname "$1"); exec bwrap ${fixed} --bind "$PWD" "$PWD" --bind "$d" "$d" ` +
    `--chdir "$PWD" --setenv HOME "$PWD" -- ${command}`;
  return ["/bin/sh", "-c", script, "sh", "{connection_file}"];
}

/**
 * Whether bwrap can make the sandbox on this machine (it needs user namespaces, or root): null when it
 * can, else why not.
 */
export function sandboxUnavailable(options: SandboxOptions): string | null {
  const r = spawnSync("bwrap", [...bwrapArgs(options), "--", "/bin/sh", "-c", "exit 0"], {
    encoding: "utf8",
    timeout: 10_000,
  });
  if (r.error)
    return `bwrap could not run (${(r.error as NodeJS.ErrnoException).code ?? r.error.message}; install bubblewrap)`;
  if (r.status !== 0) return `bwrap failed: ${(r.stderr || `exit ${r.status}`).trim().split("\n")[0]}`;
  return null;
}
