/**
 * The `tslab` kernel of the JupyterLite edition: a JupyterLite kernel (BaseKernel, whose message handling
 * is JupyterLite's) that forwards each request to the course's browser runtime (browser/src/runtime.ts,
 * the worker the live website runs), so that the notebooks' `tslab` kernelspec opens here unchanged.
 * Outputs reach the notebook as the worker posts them: streams, displays and display updates by id.
 */
import type { KernelMessage } from "@jupyterlab/services";
import { BaseKernel, type IKernel } from "@jupyterlite/services";
import { BrowserRuntime, type Output } from "../../browser/src/runtime";

/** The kernelspec the course's notebooks name (as tslab installs it). */
export const TSLAB_SPEC = {
  name: "tslab",
  display_name: "TypeScript (tslab)",
  language: "typescript",
  argv: [],
  resources: {},
};

const LANGUAGE_INFO = {
  name: "typescript",
  version: "5.0.4",
  mimetype: "text/typescript",
  file_extension: ".ts",
  codemirror_mode: { name: "javascript", typescript: true },
};

export class TslabKernel extends BaseKernel {
  private readonly runtime: BrowserRuntime;

  /** `runtimeBase`: the URL of the folder holding the browser runtime's worker.js. */
  constructor(options: IKernel.IOptions, runtimeBase: string) {
    super(options);
    this.runtime = new BrowserRuntime(runtimeBase);
  }

  override get ready(): Promise<void> {
    return this.runtime.whenReady().then(() => undefined);
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.runtime.close();
    super.dispose();
  }

  /**
   * Stops the running cell. A worker cannot be interrupted in the middle of a loop: the runtime starts a
   * new one (the cells run so far are gone, as after Restart), and the cell says so.
   */
  async interrupt(): Promise<void> {
    this.stream({ name: "stderr", text: "Interrupted: the kernel was restarted to stop the cell.\n" });
    await this.runtime.restart();
  }

  async kernelInfoRequest(): Promise<KernelMessage.IInfoReplyMsg["content"]> {
    return {
      implementation: "tslab-browser",
      implementation_version: "1.0",
      language_info: LANGUAGE_INFO,
      protocol_version: "5.3",
      status: "ok",
      banner: "tslab's converter and executor in a Web Worker (the course's browser runtime)",
      help_links: [],
    };
  }

  async executeRequest(
    content: KernelMessage.IExecuteRequestMsg["content"],
  ): Promise<KernelMessage.IExecuteReplyMsg["content"]> {
    const r = await this.runtime.execute(content.code, (o) => this.forward(o));
    // A kernel shut down or restarted (a new kernel took its place) sends nothing more.
    if (this.isDisposed) return new Promise(() => {});
    const execution_count = this.executionCount;
    if (r.ok) return { status: "ok", execution_count, user_expressions: {} };
    return { status: "error", execution_count, ename: "", evalue: "", traceback: [] };
  }

  async completeRequest(
    content: KernelMessage.ICompleteRequestMsg["content"],
  ): Promise<KernelMessage.ICompleteReplyMsg["content"]> {
    const r = await this.runtime.complete(content.code, content.cursor_pos);
    return { status: "ok", cursor_start: r.start, cursor_end: r.end, matches: r.candidates, metadata: {} };
  }

  async inspectRequest(
    content: KernelMessage.IInspectRequestMsg["content"],
  ): Promise<KernelMessage.IInspectReplyMsg["content"]> {
    const text = await this.runtime.inspect(content.code, content.cursor_pos);
    return text === undefined
      ? { status: "ok", found: false, data: {}, metadata: {} }
      : { status: "ok", found: true, data: { "text/plain": text }, metadata: {} };
  }

  async isCompleteRequest(): Promise<KernelMessage.IIsCompleteReplyMsg["content"]> {
    return { status: "complete" };
  }

  async commInfoRequest(): Promise<KernelMessage.ICommInfoReplyMsg["content"]> {
    return { status: "ok", comms: {} };
  }

  inputReply(): void {}
  async commOpen(): Promise<void> {}
  async commMsg(): Promise<void> {}
  async commClose(): Promise<void> {}

  private forward(o: Output): void {
    if (this.isDisposed) return;
    if (o.output_type === "stream") {
      this.stream({ name: o.name ?? "stdout", text: o.text ?? "" });
      return;
    }
    // As JSON, as tslab sends it over Jupyter's wire (typed arrays in a figure included).
    const content = JSON.parse(
      JSON.stringify({ data: o.data ?? {}, metadata: o.metadata ?? {}, transient: o.transient ?? {} }),
    ) as KernelMessage.IDisplayDataMsg["content"];
    if (o.output_type === "update_display_data")
      this.updateDisplayData(content as KernelMessage.IUpdateDisplayDataMsg["content"]);
    else this.displayData(content);
  }
}
