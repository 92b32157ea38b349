/**
 * Progress of a long batch: one line per graded notebook with its count and the estimated time left
 * (throughput so far times what remains), and, when the output is a terminal, a live bar kept on the last
 * line and redrawn every second.
 */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private readonly timer?: NodeJS.Timeout;

  constructor(
    private readonly total: number,
    private readonly write: (text: string) => void = (t) => process.stdout.write(t),
    private readonly tty = process.stdout.isTTY === true,
  ) {
    if (tty && total > 0) {
      this.timer = setInterval(() => this.bar(), 1000);
      this.timer.unref();
    }
  }

  /** Seconds left at the rate so far (NaN before the first notebook). */
  left(): number {
    const elapsed = (Date.now() - this.started) / 1000;
    return this.done === 0 ? NaN : (elapsed / this.done) * (this.total - this.done);
  }

  /** One notebook graded: its line, with the count and the time left. */
  step(line: string): void {
    this.done++;
    const left = this.done < this.total ? `, about ${duration(this.left())} left` : "";
    this.print(`[${this.done}/${this.total}] ${line}${left}`);
  }

  /** A line above the bar. */
  print(line: string): void {
    if (this.tty) this.write("\r\x1b[K");
    this.write(`${line}\n`);
    this.bar();
  }

  private bar(): void {
    if (!this.tty || this.total === 0) return;
    const width = 30;
    const full = Math.round((this.done / this.total) * width);
    const left = this.done === 0 ? "" : ` · ${duration(this.left())} left`;
    this.write(`\r\x1b[K[${"#".repeat(full)}${"-".repeat(width - full)}] ${this.done}/${this.total}${left}`);
  }

  end(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.tty && this.total > 0) this.write("\r\x1b[K");
  }
}
