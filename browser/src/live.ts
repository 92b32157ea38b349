/**
 * A live lesson page of the website: the static page (cells and their tslab outputs, rendered by
 * scripts/site) made runnable. Loaded by the page's loader (scripts/site/live.ts) only when the page is
 * served over http(s); the worker (BrowserRuntime) starts at once, after the static page is shown.
 *
 * - The cells are those of the lesson's student version, `notebooks/<lesson>.ipynb` next to the page (the
 *   grader's release): each code cell's source becomes a CodeMirror 6 editor (TypeScript), read-only where
 *   the release locks the cell (graded tests), as JupyterLab does.
 * - Run, Run all, Restart: outputs (text, tables, plotly figures, errors) replace the static ones in place,
 *   rendered by jupyter/renderOutputs.ts like the static page.
 * - Edits are kept in localStorage by lesson and cell id with the course's source they were made on; when
 *   the course's source changed since, the edit is kept and the cell says so (Reset cell loads the new one).
 * - Download notebook: the release notebook with the edited sources, which `npm run grade` grades.
 */
import { EditorView, basicSetup } from "codemirror";
import { EditorState, Prec, type Extension } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { javascript } from "@codemirror/lang-javascript";
import { OutputRenderer, mergeStreams, type Output as NotebookOutput } from "../../jupyter/renderOutputs";
import { BrowserRuntime, type EarlyWorker, type Output } from "./runtime";

interface Cell {
  id?: string;
  cell_type: string;
  source: string | string[];
  metadata: { editable?: boolean; nbgrader?: { locked?: boolean } } & Record<string, unknown>;
  outputs?: unknown[];
  execution_count?: number | null;
}
interface Notebook {
  cells: Cell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

/** What the loader leaves: the lesson's name and the folder of the runtime's files. */
interface LiveConfig {
  lesson: string;
  runtime: string;
}

/** An edit as stored: the learner's source and the course's source it was made on. */
interface StoredEdit {
  source: string;
  base: string;
}

const STORE_PREFIX = "dlopt-live:";

const joined = (s: string | string[]) => (Array.isArray(s) ? s.join("") : s);

/** Jupyter's way of storing a source: lines, each but the last ending in \n. */
function lines(text: string): string[] {
  return text === "" ? [] : text.split(/(?<=\n)/);
}

class LiveCell {
  view!: EditorView;
  readonly outputs: Output[] = [];
  /** The run count when this cell last ran (as Jupyter's `execution_count`), null before. */
  executionCount: number | null = null;
  readonly box: HTMLDivElement;
  readonly note: HTMLParagraphElement;
  readonly resetButton: HTMLButtonElement;
  private figureCount = 0;
  private renderQueued = false;

  constructor(
    readonly page: LivePage,
    readonly cell: Cell,
    readonly section: HTMLElement,
  ) {
    const old = section.querySelector("div.outputs");
    this.box = document.createElement("div");
    this.box.className = "outputs";
    if (old) {
      // The static outputs stay until the cell runs.
      this.box.append(...Array.from(old.childNodes));
      old.remove();
    }
    const bar = document.createElement("div");
    bar.className = "live-cell-bar";
    const run = button("Run", "live-run", () => void page.runCells([this]));
    this.resetButton = button("Reset cell", "live-reset", () => this.reset());
    this.note = document.createElement("p");
    this.note.className = "live-note";
    this.note.hidden = true;
    bar.append(run, this.resetButton);
    section.classList.add("live");
    const input = section.querySelector("pre.input");
    const editorHost = document.createElement("div");
    editorHost.className = "live-editor";
    if (input) input.replaceWith(editorHost);
    else section.prepend(editorHost);
    editorHost.after(bar, this.note);
    bar.after(this.box);
    this.mount(editorHost);
  }

  get id(): string {
    return this.cell.id!;
  }

  get courseSource(): string {
    return joined(this.cell.source);
  }

  get source(): string {
    return this.view.state.doc.toString();
  }

  get locked(): boolean {
    return this.cell.metadata.editable === false || this.cell.metadata.nbgrader?.locked === true;
  }

  private mount(host: HTMLElement): void {
    const stored = this.page.load(this.id);
    const extensions: Extension[] = [
      // Shift-Enter runs the cell, as in JupyterLab.
      Prec.highest(keymap.of([{ key: "Shift-Enter", run: () => (void this.page.runCells([this]), true) }])),
      basicSetup,
      javascript({ typescript: true }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) this.changed();
      }),
    ];
    if (this.locked) extensions.push(EditorState.readOnly.of(true), EditorView.editable.of(false));
    const doc = stored && !this.locked ? stored.source : this.courseSource;
    this.view = new EditorView({ doc, extensions, parent: host });
    this.section.dataset.edited = String(doc !== this.courseSource);
    if (stored && stored.base !== this.courseSource && stored.source !== this.courseSource) {
      this.showNote(
        "The course has changed this cell since you edited it; your version is kept. Reset cell loads the course's new version.",
      );
    }
    this.resetButton.hidden = doc === this.courseSource;
  }

  private changed(): void {
    const source = this.source;
    const edited = source !== this.courseSource;
    this.section.dataset.edited = String(edited);
    this.resetButton.hidden = !edited;
    if (edited) {
      const stored = this.page.load(this.id);
      // The course's source the edit was made on stays the one of the first edit.
      this.page.save(this.id, { source, base: stored?.base ?? this.courseSource });
    } else {
      this.page.forget(this.id);
      this.note.hidden = true;
    }
  }

  showNote(text: string): void {
    this.note.textContent = text;
    this.note.hidden = false;
  }

  /** Back to the course's source (the stored edit removed). */
  reset(): void {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: this.courseSource } });
    this.page.forget(this.id);
    this.note.hidden = true;
  }

  clearOutputs(): void {
    this.outputs.length = 0;
    this.box.replaceChildren();
    this.section.dataset.state = "running";
  }

  /** An output the running cell sent: an update replaces the display with the same id, as Jupyter does. */
  add(o: Output): void {
    if (o.output_type === "update_display_data") {
      const shown = this.outputs.find((p) => p.transient?.display_id === o.transient?.display_id);
      if (shown) shown.data = o.data;
    } else this.outputs.push({ ...o });
    // Outputs that come in a burst (a progress display's updates) are drawn once, at the next frame.
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  /** Shows the outputs; the page's site.js draws each figure when it comes near the view. */
  private render(): void {
    const renderer = new OutputRenderer({ prefix: `live-${this.id}-${this.figureCount++}` });
    const outputs = mergeStreams(this.outputs as NotebookOutput[]);
    this.box.innerHTML = outputs.map((o) => renderer.render(o)).join("");
    window.courseAddFigures?.(this.box, true);
  }
}

function button(label: string, cls: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.className = cls;
  b.addEventListener("click", onClick);
  return b;
}

export class LivePage {
  readonly cells: LiveCell[] = [];
  private runtime?: BrowserRuntime;
  private runtimeReady = false;
  private queue: Promise<unknown> = Promise.resolve();
  private generation = 0;
  private executions = 0;
  readonly status: HTMLSpanElement;
  /** `runtime`: one already starting (see `start`), else one starts on the first Run. */
  constructor(
    readonly config: LiveConfig,
    readonly notebook: Notebook,
    runtime?: BrowserRuntime,
  ) {
    const bar = document.createElement("div");
    bar.className = "live-bar";
    this.status = document.createElement("span");
    this.status.className = "live-status";
    bar.append(
      button("Run all", "live-run-all", () => void this.runCells(this.cells)),
      button("Restart", "live-restart", () => void this.restart()),
      button("Reset lesson", "live-reset-lesson", () => this.resetLesson()),
      button("Download notebook", "live-download", () => this.download()),
      this.status,
    );
    const hint = document.querySelector(".live-hint");
    if (hint) hint.replaceWith(bar);
    else document.querySelector("main")?.prepend(bar);
    let previous: Element | null = null;
    for (const cell of notebook.cells) {
      let section = cell.id ? document.getElementById(cell.id) : null;
      if (cell.cell_type !== "code" || !cell.id) {
        previous = section ?? previous;
        continue;
      }
      if (!section) {
        // A cell the static page leaves out (no source shown and no output): placed after the one before.
        section = document.createElement("section");
        section.className = "cell code";
        section.id = cell.id;
        if (previous) previous.after(section);
        else document.querySelector("main")?.append(section);
      }
      previous = section;
      this.cells.push(new LiveCell(this, cell, section));
    }
    this.setStatus("idle", "Cells run in your browser; edits are kept in this browser.");
    if (runtime) this.adopt(runtime);
  }

  private key(id: string): string {
    return `${STORE_PREFIX}${this.config.lesson}:${id}`;
  }

  load(id: string): StoredEdit | undefined {
    try {
      const raw = localStorage.getItem(this.key(id));
      return raw ? (JSON.parse(raw) as StoredEdit) : undefined;
    } catch {
      return undefined;
    }
  }

  save(id: string, edit: StoredEdit): void {
    try {
      localStorage.setItem(this.key(id), JSON.stringify(edit));
    } catch (e) {
      this.setStatus("error", `Your edit could not be kept in this browser: ${(e as Error).message}`);
    }
  }

  forget(id: string): void {
    localStorage.removeItem(this.key(id));
  }

  setStatus(state: string, text: string): void {
    document.body.dataset.live = state;
    this.status.textContent = text;
  }

  private adopt(runtime: BrowserRuntime): void {
    this.runtime = runtime;
    // The static page's figures wait for this to load plotly.js (jupyter/renderOutputs.ts's FIGURE_SCRIPT):
    // once the runtime has started and run the cells sent meanwhile, so that the first result comes sooner.
    const started = () => void this.queue.then(() => window.dispatchEvent(new Event("course-runtime-ready")));
    runtime.whenReady().then(() => {
      this.runtimeReady = true;
      started();
    }, started);
  }

  private started(): BrowserRuntime {
    if (!this.runtime) this.adopt(new BrowserRuntime(new URL(this.config.runtime, location.href).href));
    return this.runtime!;
  }

  /**
   * Runs cells in order after those already queued; the queue is dropped by Restart. The cells go to the
   * worker at once, as JupyterLab sends a Run all's requests to the kernel: the worker runs one after the
   * other while the page draws the outputs of those done.
   */
  runCells(cells: LiveCell[]): Promise<void> {
    const generation = this.generation;
    const rt = this.started();
    for (const c of cells) c.section.dataset.state = "queued";
    const run = this.queue.then(async () => {
      if (generation !== this.generation) return;
      const results = cells.map((c) => {
        c.clearOutputs();
        c.section.dataset.state = "queued";
        c.executionCount = ++this.executions;
        return rt.execute(c.source, (o) => c.add(o));
      });
      for (const [i, c] of cells.entries()) {
        if (generation !== this.generation) return;
        c.section.dataset.state = "running";
        this.setStatus(
          "busy",
          this.runtimeReady
            ? `Running ${c.id}…`
            : "Starting the runtime (the first run takes a few seconds)…",
        );
        try {
          const r = await results[i];
          if (generation !== this.generation) return;
          c.section.dataset.state = r.ok ? "done" : "failed";
        } catch (e) {
          c.add({ output_type: "stream", name: "stderr", text: `${(e as Error).message}\n` });
          c.section.dataset.state = "failed";
        }
      }
      if (generation === this.generation) this.setStatus("idle", "Done.");
    });
    this.queue = run.catch(() => {});
    return run;
  }

  /** Stops whatever runs (a new worker: earlier declarations are gone) and drops the queued cells. */
  async restart(): Promise<void> {
    this.generation++;
    this.executions = 0;
    for (const c of this.cells) if (c.section.dataset.state === "queued") c.section.dataset.state = "";
    this.queue = Promise.resolve();
    if (!this.runtime) return;
    this.setStatus("busy", "Restarting…");
    await this.runtime.restart();
    this.setStatus("idle", "Restarted: run the cells again.");
  }

  resetLesson(): void {
    if (!confirm("Reset every cell of this lesson to the course's version? Your edits will be lost.")) return;
    for (const c of this.cells) c.reset();
  }

  /**
   * The release notebook with the learner's sources and, for the cells run here, their outputs and run
   * counts as Jupyter saves them (streams merged, display updates applied, no transient ids).
   */
  notebookWithEdits(): Notebook {
    const nb = JSON.parse(JSON.stringify(this.notebook)) as Notebook;
    const byId = new Map(this.cells.map((c) => [c.id, c]));
    for (const cell of nb.cells) {
      const live = cell.id ? byId.get(cell.id) : undefined;
      if (!live) continue;
      cell.source = lines(live.source);
      if (live.executionCount === null) continue;
      cell.execution_count = live.executionCount;
      cell.outputs = mergeStreams(live.outputs as NotebookOutput[]).map((o) => {
        const { transient: _transient, ...saved } = o as NotebookOutput & { transient?: unknown };
        return o.output_type === "stream" ? saved : { metadata: {}, ...saved };
      });
    }
    return nb;
  }

  download(): void {
    const json = JSON.stringify(this.notebookWithEdits(), null, 1) + "\n";
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([json], { type: "application/x-ipynb+json" }));
    a.download = `${this.config.lesson}.ipynb`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }
}

declare global {
  interface Window {
    courseLiveConfig?: LiveConfig;
    /** The page's site.js (jupyter/renderOutputs.ts's FIGURE_SCRIPT): draws every figure not drawn yet. */
    courseDrawFigures?: () => void;
    /** The same: takes the figures added under `root`, drawn when near the view (`now`: without waiting). */
    courseAddFigures?: (root: Element, now?: boolean) => void;
    courseLive?: Promise<LivePage>;
    /** The worker the loader started in the page's head (scripts/site/live.ts). */
    courseLiveWorker?: EarlyWorker;
  }
}

/**
 * The runtime is the loader's worker, started in the page's head (a new one if the loader could not start
 * it): TypeScript loads in it while the page and the notebook load. This script runs as soon as
 * it is fetched and waits for the page's cells before it makes them live.
 */
async function start(config: LiveConfig): Promise<LivePage> {
  const runtime = new BrowserRuntime(new URL(config.runtime, location.href).href, window.courseLiveWorker);
  window.courseLiveWorker = undefined;
  const url = new URL(`notebooks/${config.lesson}.ipynb`, location.href).href;
  const [res] = await Promise.all([
    fetch(url),
    document.readyState === "loading"
      ? new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }))
      : undefined,
  ]);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new LivePage(config, (await res.json()) as Notebook, runtime);
}

if (window.courseLiveConfig) {
  window.courseLive = start(window.courseLiveConfig);
  window.courseLive.catch((e: Error) => {
    const hint = document.querySelector(".live-hint");
    if (hint) hint.textContent = `The live page could not start: ${e.message}`;
  });
}
