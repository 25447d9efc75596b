/**
 * Fields a run record gained in schema version 2, and their zod shapes: what a
 * replay needs besides the v1 fields (the lesson's setup and tfjs reference
 * code, the experiment spec, the learner's cells one by one, and checksums of
 * the lesson parts that decide the result), the link of a replay to its
 * original, the sweep a run belongs to, the learner's tags and note, and the
 * ids of the run's artifacts. All optional, so version-1 runs migrate as they
 * are (they cannot be replayed: they lack `replay`). Pure: types and schemas.
 */
import { z } from "zod";
import { MAX_CODE_CHARS, MAX_ENTRIES, MAX_ID_CHARS, MAX_TEXT_CHARS } from "./import-limits";

/** A named piece of code as stored (a setup cell, the reference, one learner cell). */
export interface StoredSourceCell {
  id: string;
  code: string;
}

/** An experiment's spec as stored (the shape of lesson's `ExperimentSpec`; `task` kept as text). */
export interface StoredExperimentSpec {
  title: string;
  task: string;
  dataset: { id: string; version: number };
  split: { test: number; seed: number };
  seed: number;
  init: "zeros" | "random";
  params: Record<string, number>;
  learner: string;
  reference: string;
  /** Lesson-defined tasks (see lesson's `ExperimentSpec`): the metric and the setup exports used. */
  metric?: "accuracy" | "mse";
  prepare?: string;
  predict?: string;
}

/** Everything a replay needs that the v1 fields do not hold. */
export interface ReplayInputs {
  /** The learner's exercise cells, in lesson order (`code.text` joins the same cells). */
  cells: StoredSourceCell[];
  /** The lesson's setup cells at the time of the run. */
  setup: StoredSourceCell[];
  /** The tfjs reference cell. */
  reference: StoredSourceCell;
  /** The experiment as run, with the params actually used (a sweep overrides some). */
  spec: StoredExperimentSpec;
  /** The lesson file format version and SHA-256 of its setup, checks, reference and experiment (see lessonFingerprint). */
  lesson: { formatVersion: number; sha256: string };
}

/** A run's place in a sweep: the sweep's id, this combination's index (from 0) and the number of combinations. */
export interface SweepMembership {
  id: string;
  index: number;
  of: number;
  /** The swept parameters' values of this combination. */
  values: Record<string, number>;
}

/** The optional fields of a version-2 run record. */
export interface RunExtras {
  replay?: ReplayInputs;
  /** The run this one replays. */
  replayOf?: string;
  sweep?: SweepMembership;
  tags?: string[];
  note?: string;
  /** Ids of the run's artifacts (`<lesson>/<name>@v<n>`), in the artifacts store. */
  artifactIds?: string[];
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "expected a lowercase hex SHA-256 (64 characters)");
/** Short text (ids, names), at most `MAX_TEXT_CHARS`. */
const text = z.string().max(MAX_TEXT_CHARS);
const id = text.min(1).max(MAX_ID_CHARS);
const source = z.strictObject({ id, code: z.string().max(MAX_CODE_CHARS) });
const params = z
  .record(id, z.number())
  .refine((record) => Object.keys(record).length <= MAX_ENTRIES, `expected at most ${MAX_ENTRIES} entries`);

const specSchema = z.strictObject({
  title: text,
  task: id,
  dataset: z.strictObject({ id, version: z.number().int() }),
  split: z.strictObject({ test: z.number().nonnegative(), seed: z.number().int() }),
  seed: z.number().int(),
  init: z.enum(["zeros", "random"]),
  params,
  learner: id,
  reference: id,
  metric: z.enum(["accuracy", "mse"]).optional(),
  prepare: id.optional(),
  predict: id.optional(),
});

/** Longest tag and note the app stores (characters). */
export const MAX_TAG_LENGTH = 64;
export const MAX_NOTE_LENGTH = 2000;

/** Zod shape of the v2 fields, spread into the run schema. */
export const runExtrasShape = {
  replay: z
    .strictObject({
      cells: z.array(source).max(MAX_ENTRIES),
      setup: z.array(source).max(MAX_ENTRIES),
      reference: source,
      spec: specSchema,
      lesson: z.strictObject({ formatVersion: z.number().int(), sha256: sha256Hex }),
    })
    .optional(),
  replayOf: id.optional(),
  sweep: z
    .strictObject({
      id,
      index: z.number().int().nonnegative(),
      of: z.number().int().positive(),
      values: params,
    })
    .optional(),
  tags: z.array(z.string().min(1).max(MAX_TAG_LENGTH)).max(50).optional(),
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  artifactIds: z.array(text.min(1)).max(MAX_ENTRIES).optional(),
} satisfies Record<keyof RunExtras, z.ZodType>;
