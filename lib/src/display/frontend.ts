/**
 * The one adapter between lib and the notebook front end: `show`, `showTable`, `progress` and
 * `recordCheck` send their outputs through `frontend()`. By default that is tslab's kernel; the browser
 * runtime (or a test) plugs its own in with `setFrontend`, and lesson code does not change.
 */

/** One output's MIME parts: MIME type -> data, e.g. `{ "text/html": "...", "text/plain": "..." }`. */
export type MimeBundle = Record<string, unknown>;

/** Where lib's notebook outputs go. */
export interface Frontend {
  /** Sends one output (Jupyter display_data) with these MIME parts. */
  display(data: MimeBundle): void;
  /** An output that its first call shows and each later call replaces in place (update_display_data). */
  newDisplay(): (data: MimeBundle) => void;
}

/** tslab's writer of display messages: set by the kernel while a cell runs, null outside a kernel. */
type WriteDisplayData = (
  message: { data: MimeBundle; metadata: object; transient: { display_id?: string } },
  update: boolean,
) => void;

function tslabWriter(): WriteDisplayData {
  // Loaded lazily and by name: tslab's writer exists only inside the kernel, and must be the kernel's own
  // copy of the module (its public `display` sends one MIME type per output; this sends a bundle).
  const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: WriteDisplayData | null };
  const write = jupyter.lastWriteDisplayData;
  if (!write) {
    throw new Error(
      "lib's displays work inside a tslab notebook kernel only (or after setFrontend gives another front end)",
    );
  }
  return write;
}

/** Display ids unique in this session (tslab's own are 16 random hex digits). */
const session = Math.random().toString(16).slice(2, 10);
let displays = 0;

/** The front end of tslab's kernel: display_data messages, and display ids for the updatable ones. */
const tslabFrontend: Frontend = {
  display(data) {
    tslabWriter()({ data, metadata: {}, transient: {} }, false);
  },
  newDisplay() {
    const id = `dlopt-${session}-${displays++}`;
    let shown = false;
    return (data) => {
      tslabWriter()({ data, metadata: {}, transient: { display_id: id } }, shown);
      shown = true;
    };
  },
};

let current: Frontend | null = null;

/** The front end lib's displays go to: the one set by setFrontend, else tslab's (loaded lazily, the kernel's own copy). */
export function frontend(): Frontend {
  return current ?? tslabFrontend;
}

/** Plugs a front end in (the browser runtime, a test); null restores the default. */
export function setFrontend(f: Frontend | null): void {
  if (
    f !== null &&
    (typeof f !== "object" || typeof f.display !== "function" || typeof f.newDisplay !== "function")
  ) {
    throw new TypeError("setFrontend(f) needs { display(data), newDisplay() } or null");
  }
  current = f;
}
