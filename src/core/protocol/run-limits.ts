/**
 * Per-run caps on what a kernel may send the page: lines of output, characters
 * per line and in total, messages in all and per second. The worker already
 * clips an honest run's output well below these (core/kernel/evaluate.ts), so
 * reaching one means something posts floods: the run is ended, with a notice
 * that names the cap. Pure: the caller supplies the clock.
 */
import type { PlotSpec } from "../plot/plot-types";
import type { KernelMessage } from "./protocol";

/** Points, grid cells and pixels of a plot: what the page must draw. */
export function plotSize(plot: PlotSpec): number {
  const points = (series: { points: unknown[] }[] = []) => series.reduce((n, s) => n + s.points.length, 0);
  if (plot.kind === "lines") return points(plot.series);
  if (plot.kind === "scatter") return points(plot.series) + points(plot.lines);
  if (plot.kind === "heatmap") return plot.xs.length * plot.ys.length + points(plot.points) + points(plot.lines);
  return plot.width * plot.height;
}

export const RUN_LIMITS = {
  /** Console lines, cell errors and plots together. */
  outputItems: 2_500,
  /** Characters of one console line or error message. */
  lineChars: 20_000,
  /** Characters of all console lines and error messages of a run. */
  totalChars: 2_000_000,
  /** Messages of any kind in one run. */
  messages: 5_000,
  /** Messages within any one-second window. */
  messagesPerSecond: 2_000,
  /** Plots in one run, and their points, grid cells and pixels together (what the page must draw). */
  plots: 40,
  plotSize: 100_000,
} as const;

export type RunLimits = { readonly [K in keyof typeof RUN_LIMITS]: number };

/** Counts one run's messages; `admit` returns why the run must end, or null. */
export function createRunMeter(limits: RunLimits = RUN_LIMITS) {
  let items = 0;
  let plots = 0;
  let plotted = 0;
  let chars = 0;
  let messages = 0;
  let windowStart = -Infinity;
  let inWindow = 0;
  return {
    admit(message: KernelMessage, nowMs: number): string | null {
      messages += 1;
      if (nowMs - windowStart >= 1000) {
        windowStart = nowMs;
        inWindow = 0;
      }
      inWindow += 1;
      if (messages > limits.messages) return `it sent more than ${limits.messages} messages`;
      if (inWindow > limits.messagesPerSecond) return `it sent more than ${limits.messagesPerSecond} messages a second`;
      const length =
        message.kind === "output"
          ? message.text.length
          : message.kind === "cell-error"
            ? message.error.message.length
            : 0;
      if (message.kind === "output" || message.kind === "cell-error" || message.kind === "plot") items += 1;
      if (items > limits.outputItems) return `it printed more than ${limits.outputItems} lines, errors and plots`;
      if (message.kind === "plot") {
        plots += 1;
        plotted += plotSize(message.plot);
        if (plots > limits.plots || plotted > limits.plotSize)
          return `it drew more than ${limits.plots} plots or ${limits.plotSize} points`;
      }
      if (length > limits.lineChars) return `it printed a line longer than ${limits.lineChars} characters`;
      chars += length;
      if (chars > limits.totalChars) return `it printed more than ${limits.totalChars} characters`;
      return null;
    },
  };
}
