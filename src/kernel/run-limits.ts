/**
 * Per-run caps on what a kernel may send the page: lines of output, characters
 * per line and in total, messages in all and per second. The worker already
 * clips an honest run's output well below these (core/kernel/evaluate.ts), so
 * reaching one means something posts floods: the run is ended, with a notice
 * that names the cap. Pure: the caller supplies the clock.
 */
import type { KernelMessage } from "../core/kernel/protocol";

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
  messagesPerSecond: 3_000,
} as const;

export type RunLimits = typeof RUN_LIMITS;

/** Counts one run's messages; `admit` returns why the run must end, or null. */
export function createRunMeter(limits: RunLimits = RUN_LIMITS) {
  let items = 0;
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
      if (length > limits.lineChars) return `it printed a line longer than ${limits.lineChars} characters`;
      chars += length;
      if (chars > limits.totalChars) return `it printed more than ${limits.totalChars} characters`;
      return null;
    },
  };
}
