import { checkInteger } from "../core/validate";
import { frontend } from "./frontend";

/** A progress line for a long cell. */
export interface Progress {
  /** Reports that `i` of `total` units are done, with optional text (e.g. the current loss). */
  update(i: number, text?: string): void;
  /** Marks the work finished (i = total) with optional final text. */
  done(text?: string): void;
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The HTML of a progress line (pure): a bar, `i / total` with the percentage, the label and the text.
 * @example
 * progressHtml(50, 200, "epoch 1", "loss 0.42")
 * //=> '<div class="dlopt-progress" ...>epoch 1 <progress value="50" max="200"></progress> 50/200 (25%) loss 0.42</div>'
 */
export function progressHtml(i: number, total: number, label = "", text = ""): string {
  const pct = total > 0 ? Math.floor((100 * i) / total) : 100;
  return (
    `<div class="dlopt-progress" style="font-family:monospace;white-space:pre">` +
    `${escape(label)}${label ? " " : ""}<progress value="${i}" max="${total}" style="width:240px;vertical-align:middle"></progress> ` +
    `${i}/${total} (${pct}%)${text ? " " + escape(text) : ""}</div>`
  );
}

/**
 * A progress display for a long cell: one line updated in place (a display of {@link frontend} that
 * each redraw replaces) instead of thousands of printed lines. It redraws only when the whole percentage changes (at most 101 updates, however many
 * steps), and the saved notebook keeps the final state.
 * @example
 * const bar = progress(epochs * batches, "training");
 * for (...) { ...; bar.update(step, `loss ${loss.toFixed(4)}`); }
 * bar.done(`final loss ${loss.toFixed(4)}`);
 */
export function progress(total: number, label = ""): Progress {
  checkInteger("progress total", total, 0);
  const output = frontend().newDisplay();
  let shownPct = -1;
  let finished = false;
  const draw = (i: number, text?: string) => output({ "text/html": progressHtml(i, total, label, text) });
  const bar: Progress = {
    update(i, text) {
      if (finished) return;
      if (!Number.isFinite(i) || i < 0) throw new RangeError(`Invalid progress value: ${i}`);
      const clamped = Math.min(i, total);
      const pct = total > 0 ? Math.floor((100 * clamped) / total) : 100;
      if (pct === shownPct) return;
      shownPct = pct;
      draw(clamped, text);
    },
    done(text) {
      if (finished) return;
      finished = true;
      shownPct = 100;
      draw(total, text);
    },
  };
  draw(0);
  shownPct = 0;
  return bar;
}
