/**
 * TypeDoc plugin (loaded by apiDocs.ts with `--plugin`): renders the TSDoc math of lib (`$$...$$`,
 * `$...$`) with KaTeX before TypeDoc's markdown parser sees it, and links KaTeX's stylesheet and the
 * course's contents page from every API page.
 */

/** The part of TypeDoc's API the plugin uses (typedoc is ESM-only; its types are not importable here). */
interface MarkdownEvent {
  parsedText: string;
}
interface RenderContext {
  relativeURL(url: string): string;
}
interface JsxApi {
  createElement(tag: unknown, props: Record<string, unknown> | null, ...children: unknown[]): unknown;
  Raw: unknown;
}
interface TypeDocApp {
  renderer: {
    on(event: "parseMarkdown", listener: (e: MarkdownEvent) => void, priority?: number): void;
    hooks: { on(name: string, cb: (ctx: RenderContext) => unknown): void };
  };
}

import type { ExtractedMath } from "./math";
import { extractMath } from "./math";

export async function load(app: TypeDocApp): Promise<void> {
  const specifier = "typedoc"; // a variable: typedoc's types are ESM-only, beyond this project's resolution
  const { JSX } = (await import(specifier)) as { JSX: JsxApi };
  const pending: ExtractedMath[] = [];
  app.renderer.on(
    "parseMarkdown",
    (e) => {
      const math = extractMath(e.parsedText);
      pending.push(math);
      e.parsedText = math.text;
    },
    100,
  );
  app.renderer.on(
    "parseMarkdown",
    (e) => {
      const math = pending.pop();
      if (math) e.parsedText = math.restore(e.parsedText);
    },
    -100,
  );
  const raw = (html: string) => JSX.createElement(JSX.Raw, { html });
  app.renderer.hooks.on("head.end", (ctx) =>
    raw(`<link rel="stylesheet" href="${ctx.relativeURL("./")}../assets/katex/katex.min.css">`),
  );
  app.renderer.hooks.on("sidebar.begin", (ctx) =>
    raw(`<p class="course-link"><a href="${ctx.relativeURL("./")}../index.html">← Course contents</a></p>`),
  );
}
