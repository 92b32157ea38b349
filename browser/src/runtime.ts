/**
 * The page side of the browser runtime: starts the worker (worker.js), sends it cells, collects each
 * cell's Jupyter outputs, and restarts it (a new worker) to stop a runaway cell.
 */

/** A Jupyter output as the worker posts it. */
export interface Output {
  output_type: "stream" | "display_data" | "update_display_data";
  name?: "stdout" | "stderr";
  text?: string;
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  transient?: { display_id?: string };
}

/** What running a cell gave: tslab's success flag, its outputs, milliseconds in the worker. */
export interface CellResult {
  ok: boolean;
  outputs: Output[];
  ms: number;
}

interface Pending {
  outputs: Output[];
  onOutput?: (o: Output) => void;
  resolve: (r: CellResult) => void;
}

/**
 * A worker started before the page's scripts loaded (the live pages' loader starts it in the page's head),
 * with what it posted until a BrowserRuntime took it over.
 */
export interface EarlyWorker {
  worker: Worker;
  messages: unknown[];
  errors: string[];
}

export class BrowserRuntime {
  private worker!: Worker;
  private ready!: Promise<number>;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  /** The worker's start, step by step (see worker.ts), once it is ready. */
  startPhases: Record<string, number> = {};
  private readonly replies = new Map<number, (content: unknown) => void>();

  /**
   * `base`: the URL of the folder holding worker.js (build/browser/); `early`: that worker already started,
   * which this runtime takes over (a restart starts a new one).
   */
  constructor(
    private readonly base: string,
    early?: EarlyWorker,
  ) {
    this.start(early);
  }

  private start(early?: EarlyWorker): void {
    this.worker = early?.worker ?? new Worker(new URL("worker.js", this.base).href);
    this.ready = new Promise((resolve, reject) => {
      const receive = (data: unknown) => {
        const m = data as {
          type: string;
          id: number;
          ok: boolean;
          ms: number;
          msg: Output;
          error: string;
          phases: Record<string, number>;
        };
        if (m.type === "ready") {
          this.startPhases = m.phases;
          resolve(m.ms);
        } else if (m.type === "failed") reject(new Error(m.error));
        else if (m.type === "output") {
          // Output after its cell ended goes to the cell running now (the first pending), as in tslab.
          const p = this.pending.get(m.id) ?? this.pending.values().next().value;
          if (p) {
            p.outputs.push(m.msg);
            p.onOutput?.(m.msg);
          }
        } else if (m.type === "reply") {
          this.replies.get(m.id)?.((data as { content: unknown }).content);
          this.replies.delete(m.id);
        } else if (m.type === "done") {
          const p = this.pending.get(m.id);
          this.pending.delete(m.id);
          p?.resolve({ ok: m.ok, outputs: p.outputs, ms: m.ms });
        }
      };
      this.worker.onmessage = (e: MessageEvent) => receive(e.data);
      this.worker.onerror = (e) => reject(new Error(e.message));
      for (const data of early?.messages ?? []) receive(data);
      if (early?.errors.length) reject(new Error(early.errors[0]));
    });
  }

  /** Milliseconds the worker took to start (TypeScript and the converter ready). */
  whenReady(): Promise<number> {
    return this.ready;
  }

  /** Runs one cell after those sent before it. */
  async execute(code: string, onOutput?: (o: Output) => void): Promise<CellResult> {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { outputs: [], onOutput, resolve });
      this.worker.postMessage({ type: "execute", id, code });
    });
  }

  /** Ends the worker at once (a runaway loop included) and starts a fresh one; pending cells fail. */
  restart(): Promise<number> {
    this.stop();
    this.start();
    return this.ready;
  }

  /** Ends the worker for good (a kernel shut down); pending cells fail. */
  close(): void {
    this.stop();
  }

  private stop(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.resolve({ ok: false, outputs: p.outputs, ms: 0 });
    this.pending.clear();
    for (const r of this.replies.values()) r(undefined);
    this.replies.clear();
  }

  /**
   * Completions at `pos` (a UTF-16 offset) in `code`, from tslab's executor (the TypeScript language
   * service over the cells run so far): the replaced range and the candidates.
   */
  async complete(code: string, pos: number): Promise<{ start: number; end: number; candidates: string[] }> {
    const r = (await this.request("complete", code, pos)) as
      { start: number; end: number; candidates: string[] } | undefined;
    return r ?? { start: pos, end: pos, candidates: [] };
  }

  /** What TypeScript says of the name at `pos` in `code` (tslab's inspect text), or undefined. */
  async inspect(code: string, pos: number): Promise<string | undefined> {
    return (await this.request("inspect", code, pos)) as string | undefined;
  }

  private async request(type: "complete" | "inspect", code: string, pos: number): Promise<unknown> {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.replies.set(id, resolve);
      this.worker.postMessage({ type, id, code, pos });
    });
  }
}
