/**
 * The browser's `tslab/dist/jupyter`: the one thing tslab's display API (tslab/dist/public.js, bundled
 * as it is) and the course's lib take from the kernel, `lastWriteDisplayData`, here posting the display to
 * the page instead of Jupyter's iopub channel. The lib's display calls reach the page only through here.
 */

/** A display as tslab writes it: MIME bundle, metadata, and `transient.display_id` for updatable ones. */
export interface DisplayData {
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  transient?: { display_id?: string };
}

type Writer = (data: DisplayData, isUpdate: boolean) => void;

/** Set by the worker; read by tslab's public.js and lib's show() under the name the kernel gives it. */
export let lastWriteDisplayData: Writer | null = null;

export function setDisplayWriter(w: Writer): void {
  lastWriteDisplayData = w;
}
