/**
 * The files tslab's converter reads to type-check a cell that imports every package the lessons use,
 * recorded by running the converter itself in Node: the lib.*.d.ts of its TypeScript, the automatic
 * @types of the repository's node_modules, and the .d.ts of @dlopt/lib, mathjs, danfojs-node and tslab
 * with everything they reference. The worker's file system (src/vfs.ts) holds exactly these, so a cell is
 * checked in the browser against the same declarations as in Jupyter.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "@tslab/typescript-for-tslab";
import type { TypeFiles } from "./src/vfs";

/**
 * Declarations kept without their comments (triple-slash directives stay): Node's and the other automatic
 * @types, and plotly's generated schema, 3.5 MB of which 2.3 MB are doc comments. TypeScript parses every
 * doc comment when the worker starts; type checking does not read them (the same errors, tested), and
 * Shift-Tab on these names shows their types without the prose. The course's own declarations, mathjs's,
 * danfo's and TypeScript's lib files keep theirs.
 */
const UNDOCUMENTED = /^node_modules\/(@types|plotly\.js-dist-min)\/.*\.d\.ts$/;

/** The packages whose declarations the browser holds: the lessons' imports. */
export const TYPED_PACKAGES = ["@dlopt/lib", "mathjs", "danfojs-node", "tslab"];

/** Records the files read while converting an import of TYPED_PACKAGES from `root`/notebooks. */
export function recordTypeFiles(root: string): TypeFiles {
  const read = new Set<string>();
  const readFile = ts.sys.readFile;
  const cwd = process.cwd();
  ts.sys.readFile = (p: string, encoding?: string) => {
    const text = readFile(p, encoding);
    if (text !== undefined) read.add(p);
    return text;
  };
  try {
    process.chdir(path.join(root, "notebooks"));

    const { createConverter } = require("tslab/dist/converter") as {
      createConverter(): {
        convert(d: string, s: string): { diagnostics: { messageText: string }[] };
        close(): void;
      };
    };
    const conv = createConverter();
    const src = TYPED_PACKAGES.map((p, i) => `import * as p${i} from "${p}";`).join("\n");
    const { diagnostics } = conv.convert("", src);
    conv.close();
    if (diagnostics.length > 0) {
      throw new Error(
        `importing ${TYPED_PACKAGES.join(", ")}: ${diagnostics.map((d) => d.messageText).join("; ")}`,
      );
    }
  } finally {
    ts.sys.readFile = readFile;
    process.chdir(cwd);
  }
  const files: Record<string, string> = {};
  for (const p of [...read].sort()) {
    const rel = path.relative(root, p);
    if (rel.startsWith("..")) throw new Error(`a type file outside the repository: ${p}`);
    const text = fs.readFileSync(p, "utf8");
    files[rel] = UNDOCUMENTED.test(rel) ? withoutComments(text, rel) : text;
  }
  return { files, links: nodeModuleLinks(root) };
}

/** Symlinked packages in node_modules (the workspace's @dlopt/lib): link to target, repository paths. */
function nodeModuleLinks(root: string): Record<string, string> {
  const links: Record<string, string> = {};
  const nm = path.join(root, "node_modules");
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isSymbolicLink()) links[path.relative(root, p)] = path.relative(root, fs.realpathSync(p));
      else if (e.isDirectory() && e.name.startsWith("@") && dir === nm) visit(p);
    }
  };
  visit(nm);
  return links;
}

/**
 * `text` without its comments but for triple-slash directives, scanned by TypeScript's own scanner (a
 * declaration file has no regular expressions, whose scanning needs the parser). Fails the build unless the
 * result parses to the same syntax tree, node kind for node kind. Written here because no maintained
 * package strips comments from TypeScript while keeping the rest byte for byte.
 */
export function withoutComments(text: string, fileName: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  let out = "";
  // Braces open since the start of each template literal still open: a `}` that closes a `${` goes back
  // into the template's text.
  const open: ("brace" | "template")[] = [];
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
    if (k === ts.SyntaxKind.OpenBraceToken) open.push("brace");
    else if (k === ts.SyntaxKind.CloseBraceToken && open.pop() === "template")
      k = scanner.reScanTemplateToken(false);
    if (k === ts.SyntaxKind.TemplateHead || k === ts.SyntaxKind.TemplateMiddle) open.push("template");
    const token = scanner.getTokenText();
    if (k === ts.SyntaxKind.SingleLineCommentTrivia) out += /^\/\/\/\s*</.test(token) ? token : "";
    else if (k === ts.SyntaxKind.MultiLineCommentTrivia) out += " ";
    else out += token;
  }
  if (syntaxKinds(out, fileName) !== syntaxKinds(text, fileName))
    throw new Error(`${fileName}: removing its comments changed its syntax`);
  return out;
}

/** The kinds of a file's syntax nodes in order, with its parse errors and triple-slash references. */
function syntaxKinds(text: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const kinds: number[] = [];
  const visit = (n: ts.Node): void => {
    kinds.push(n.kind);
    ts.forEachChild(n, visit);
  };
  visit(file);
  const refs = [...file.referencedFiles, ...file.typeReferenceDirectives, ...file.libReferenceDirectives];
  const parseErrors = (file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length;
  return JSON.stringify([kinds, refs.map((r) => r.fileName), parseErrors]);
}
