/**
 * Run summaries: the few fields of a run the Runs page lists and filters by,
 * kept in their own store (a derived cache, rebuilt from the runs whenever
 * it is missing or stale), so that 10,000 runs list without reading every
 * run's code and loss history. And the Runs page's filter language. Pure.
 */
import { formatNumber } from "../grading/compare";
import type { RunRecord } from "./types";

/** Bump when the summary's shape changes: stored summaries of another version are rebuilt. */
export const RUN_SUMMARY_VERSION = 1;

/** What the Runs page shows of a run. Key: `runId`. */
export interface RunSummary {
  summaryVersion: typeof RUN_SUMMARY_VERSION;
  runId: string;
  createdAt: string;
  lessonId: string;
  experimentId: string;
  /** Backend the tfjs reference used, and the one asked. */
  backend: string;
  requested: string;
  seed: number;
  dataset: string;
  learnerMetrics: string;
  referenceMetrics: string;
  maxAbsThetaDiff: number;
  totalMs: number;
  codeSha256: string;
  tags: string[];
  note: string;
  sweepId?: string;
  replayOf?: string;
  /** Lowercase text the free-text filter searches. */
  text: string;
}

function metricsText(run: RunRecord, name: "learner" | "reference"): string {
  return Object.entries(run.implementations.find((impl) => impl.name === name)?.metrics ?? {})
    .map(([key, value]) => `${key} ${formatNumber(value)}`)
    .join(", ");
}

/** The summary of a run. */
export function buildRunSummary(run: RunRecord): RunSummary {
  const tags = run.tags ?? [];
  const note = run.note ?? "";
  const dataset = `${run.dataset.id}@${run.dataset.version}`;
  const summary: RunSummary = {
    summaryVersion: RUN_SUMMARY_VERSION,
    runId: run.runId,
    createdAt: run.createdAt,
    lessonId: run.lessonId,
    experimentId: run.experimentId,
    backend: run.backend.used,
    requested: run.backend.requested,
    seed: run.seed,
    dataset,
    learnerMetrics: metricsText(run, "learner"),
    referenceMetrics: metricsText(run, "reference"),
    maxAbsThetaDiff: run.maxAbsThetaDiff,
    totalMs: run.timings.totalMs,
    codeSha256: run.code.sha256,
    tags,
    note,
    text: "",
  };
  if (run.sweep) summary.sweepId = run.sweep.id;
  if (run.replayOf) summary.replayOf = run.replayOf;
  summary.text = [run.runId, run.lessonId, run.experimentId, run.backend.used, dataset, ...tags, note]
    .join(" ")
    .toLowerCase();
  return summary;
}

/** True when a stored value is a summary of the current version. */
export function isCurrentSummary(value: unknown): value is RunSummary {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { summaryVersion?: unknown }).summaryVersion === RUN_SUMMARY_VERSION
  );
}

/** Fields a filter term can name, e.g. `backend:wasm`. */
export const FILTER_FIELDS = ["lesson", "experiment", "backend", "tag"] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** A parsed filter: exact field terms (all must match) and free words (each must appear). */
export interface RunFilter {
  fields: Partial<Record<FilterField, string>>;
  words: string[];
}

/**
 * Parses the Runs page's filter text: `lesson:<id>`, `experiment:<id>`,
 * `backend:<name>` and `tag:<tag>` match those fields exactly; other words
 * must each appear in the run's id, lesson, experiment, backend, dataset, tags or note.
 */
export function parseRunFilter(text: string): RunFilter {
  const filter: RunFilter = { fields: {}, words: [] };
  for (const token of text.trim().toLowerCase().split(/\s+/)) {
    if (!token) continue;
    const colon = token.indexOf(":");
    const field = token.slice(0, colon) as FilterField;
    if (colon > 0 && FILTER_FIELDS.includes(field) && colon < token.length - 1) {
      filter.fields[field] = token.slice(colon + 1);
    } else filter.words.push(token);
  }
  return filter;
}

/** True when nothing is filtered. */
export function isEmptyFilter(filter: RunFilter): boolean {
  return filter.words.length === 0 && Object.keys(filter.fields).length === 0;
}

/** Whether a summary matches a filter (case-insensitive). */
export function matchesRunFilter(summary: RunSummary, filter: RunFilter): boolean {
  const { fields } = filter;
  if (fields.lesson !== undefined && summary.lessonId.toLowerCase() !== fields.lesson) return false;
  if (fields.experiment !== undefined && summary.experimentId.toLowerCase() !== fields.experiment) return false;
  if (fields.backend !== undefined && summary.backend !== fields.backend) return false;
  if (fields.tag !== undefined && !summary.tags.some((tag) => tag.toLowerCase() === fields.tag)) return false;
  return filter.words.every((word) => summary.text.includes(word));
}

/** Newest first by createdAt (ISO strings sort as times), then by runId. */
export function compareSummariesNewestFirst(a: RunSummary, b: RunSummary): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0;
}

/** Parses `a, b  c` into distinct trimmed tags. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\s]+/)
        .map((t) => t.trim())
        .filter((t) => t.length > 0),
    ),
  ];
}
