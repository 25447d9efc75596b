/**
 * The strict schema of every message the kernel worker may post to the page.
 * The main thread trusts nothing the worker sends: a message that does not
 * parse ends the run (kernel-client.ts), and only the parsed value (unknown
 * keys of learner plots dropped, every string and array bounded) reaches the
 * UI. Bounds are far above what an honest run sends (the worker itself clips
 * console lines and error messages, see core/evaluation/evaluate.ts). Every
 * kind and field of `KernelMessage` (protocol.ts) is here, optional ones too.
 */
import { z } from "zod";
import { BACKEND_CHOICES, KERNEL_HOSTS } from "../backends/backend-choice";
import { PLOT_LIMITS, plotProblem, type PlotSpec } from "../plot/plot-types";
import type { RunId } from "../tracking/types";
import type { KernelMessage } from "./protocol";

/** Longest string the page accepts in any one field of a kernel message. */
export const MAX_MESSAGE_STRING = 20_000;
const MAX_ITEMS = 100_000;

// The app's CSP has no 'unsafe-eval': zod must not try to compile parsers with `new Function` (it would log a violation).
z.config({ jitless: true });

const text = z.string().max(MAX_MESSAGE_STRING);
const shortText = z.string().max(1_000);
const id = z.string().min(1).max(200);
/** Losses and parameters of a diverging run may be NaN or Infinity. */
const anyNumber = z.custom<number>((value) => typeof value === "number", { message: "expected a number" });
const count = z.number().int().nonnegative();
const runId = z.custom<RunId>((value) => typeof value === "string" && value.length > 0 && value.length <= 200, {
  message: "expected a run id",
});
const backendName = z.enum(["webgpu", "wasm", "cpu"]);
const level = z.enum(["log", "warn", "error"]);

/**
 * Long arrays of numbers and points are checked and copied by plain loops:
 * zod's per-element objects cost about 3 µs a point, and a plot may hold
 * tens of thousands. Posted data are plain (structured clone has no getters).
 */
function numberArray(max: number) {
  return z.unknown().transform((value, ctx) => {
    if (!Array.isArray(value) || value.length > max) {
      ctx.addIssue({ code: "custom", message: `expected at most ${max} numbers` });
      return z.NEVER;
    }
    for (const item of value) {
      if (typeof item !== "number") {
        ctx.addIssue({ code: "custom", message: "expected numbers" });
        return z.NEVER;
      }
    }
    return value.slice() as number[];
  });
}

const pointArray = z.unknown().transform((value, ctx) => {
  if (!Array.isArray(value) || value.length > PLOT_LIMITS.points) {
    ctx.addIssue({ code: "custom", message: `expected at most ${PLOT_LIMITS.points} points` });
    return z.NEVER;
  }
  const points: { x: number; y: number }[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const point = value[i] as { x?: unknown; y?: unknown } | null;
    if (typeof point !== "object" || point === null || typeof point.x !== "number" || typeof point.y !== "number") {
      ctx.addIssue({ code: "custom", message: `point ${i} should be { x: number, y: number }` });
      return z.NEVER;
    }
    points[i] = { x: point.x, y: point.y };
  }
  return points;
});
const series = z.object({ name: shortText, points: pointArray });
const seriesList = z.array(series).max(100);
const labels = { title: shortText, xLabel: shortText.optional(), yLabel: shortText.optional() };
/** Plots come from learner code through the lesson module: unknown keys are dropped, sizes bounded. */
const plotSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("lines"), ...labels, logY: z.boolean().optional(), series: seriesList }),
    z.object({ kind: z.literal("scatter"), ...labels, series: seriesList, lines: seriesList.optional() }),
    z.object({
      kind: z.literal("heatmap"),
      ...labels,
      xs: numberArray(PLOT_LIMITS.gridCells),
      ys: numberArray(PLOT_LIMITS.gridCells),
      values: z.array(numberArray(PLOT_LIMITS.gridCells)).max(PLOT_LIMITS.gridCells),
      points: seriesList.optional(),
      lines: seriesList.optional(),
      classes: z.array(shortText).max(100).optional(),
    }),
    z.object({
      kind: z.literal("image"),
      title: shortText,
      width: count,
      height: count,
      rgb: numberArray(PLOT_LIMITS.pixels * 3),
    }),
  ])
  .refine((plot) => plotProblem(plot as PlotSpec) === null, { message: "plot is malformed or too large" });

const cellError = z.strictObject({
  cellId: id,
  phase: z.enum(["syntax", "runtime"]),
  message: text,
  line: count.optional(),
  column: count.optional(),
});

const verdict = z.strictObject({
  name: text,
  passed: z.boolean(),
  expected: text,
  got: text,
  tolerance: z.number().nonnegative().optional(),
  message: text.optional(),
  hidden: z.boolean(),
});

const adapter = z.strictObject({
  vendor: shortText,
  architecture: shortText,
  description: shortText,
  isFallbackAdapter: z.boolean(),
});

/** What a run cost (core/experiments/run-profile.ts). */
const runProfile = z.strictObject({
  backendInitMs: anyNumber,
  firstStepMs: anyNumber,
  steadyMs: anyNumber,
  steps: z.strictObject({ count: count, p50: anyNumber, p90: anyNumber, p99: anyNumber, max: anyNumber }).optional(),
  peakTensors: anyNumber,
  peakBytes: anyNumber,
  topKernels: z
    .array(z.strictObject({ name: shortText, ms: anyNumber, calls: count }))
    .max(100)
    .optional(),
  kernelsNote: text.optional(),
  jsHeapBytes: anyNumber.optional(),
  leakedTensors: anyNumber,
});

/** Milliseconds per step at a few sizes, as calibration measures them. */
const calibrationPoints = z.array(z.strictObject({ rows: count, cols: count, msPerStep: anyNumber })).max(100);

/** A calibration measured for Auto (core/backends/auto-choice.ts); the client caches it, and checks it again when read. */
export const calibrationSchema = z.strictObject({
  version: count,
  identity: text,
  measuredAt: shortText,
  backends: z
    .array(
      z.strictObject({
        backend: backendName,
        ok: z.boolean(),
        reason: text.optional(),
        points: calibrationPoints,
        initMs: anyNumber.optional(),
        threads: count.optional(),
        threaded: z.strictObject({ threads: count, points: calibrationPoints }).optional(),
        adapter: adapter.optional(),
      }),
    )
    .max(3),
});

const backendReport = z.strictObject({
  requested: z.enum(BACKEND_CHOICES),
  used: backendName,
  skipped: z.array(z.strictObject({ backend: backendName, reason: text })).max(3),
  threads: count.optional(),
  adapter: adapter.optional(),
  tfjsVersion: shortText,
  kernelHost: z.enum(KERNEL_HOSTS).optional(),
  auto: z
    .strictObject({
      estimates: z.array(z.strictObject({ backend: backendName, ms: anyNumber, threads: count.optional() })).max(3),
      reason: text,
    })
    .optional(),
});

const implementation = z.strictObject({
  name: z.enum(["learner", "reference"]),
  theta: numberArray(MAX_ITEMS),
  history: z.array(z.strictObject({ step: anyNumber, loss: anyNumber })).max(MAX_ITEMS),
  metrics: z.record(shortText, anyNumber),
  wallTimeMs: anyNumber,
  backend: z.enum(["webgpu", "wasm", "cpu", "js"]),
});

const experimentResult = z.strictObject({
  experimentId: id,
  implementations: z.array(implementation).max(2),
  maxAbsThetaDiff: anyNumber,
  backend: backendReport,
  initialTheta: numberArray(MAX_ITEMS),
  trainRows: count,
  testRows: count,
  totalMs: anyNumber,
  memory: z.strictObject({ numTensors: count, numBytes: count }).optional(),
  profile: runProfile.optional(),
  calibration: calibrationSchema.optional(),
  plots: z.array(plotSchema).max(20).optional(),
});

const benchmarkResult = z.strictObject({
  backend: backendReport,
  rows: z
    .array(
      z.strictObject({
        implementation: z.enum(["tfjs", "js"]),
        workload: z.enum(["matmul", "gd-step"]),
        size: count,
        cols: count,
        msPerOp: anyNumber,
        gflops: anyNumber,
        repeats: count,
      }),
    )
    .max(100),
});

/** Every message kind of `KernelMessage` (core/kernel/protocol.ts), strictly. */
export const kernelMessageSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("ready") }),
  z.strictObject({ kind: z.literal("output"), runId, cellId: id, text, level }),
  z.strictObject({ kind: z.literal("plot"), runId, cellId: id, plot: plotSchema }),
  z.strictObject({ kind: z.literal("cell-error"), runId, error: cellError }),
  z.strictObject({
    kind: z.literal("checks-done"),
    runId,
    verdicts: z.array(verdict).max(1_000),
    diagnoses: z
      .array(z.strictObject({ id, message: text }))
      .max(100)
      .optional(),
  }),
  z.strictObject({ kind: z.literal("experiment-done"), runId, result: experimentResult }),
  z.strictObject({ kind: z.literal("benchmark-done"), runId, result: benchmarkResult }),
  z.strictObject({ kind: z.literal("failed"), runId, message: text }),
]);

export type ParsedKernelMessage = { ok: true; message: KernelMessage } | { ok: false; problem: string };

/** Validates one posted value; on failure says (briefly) where, for the notice shown to the learner. */
export function parseKernelMessage(value: unknown): ParsedKernelMessage {
  const parsed = kernelMessageSchema.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data as KernelMessage };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "message";
  return { ok: false, problem: `${where}: ${issue?.message ?? "invalid"}`.slice(0, 200) };
}
