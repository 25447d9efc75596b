/**
 * The YAML front matter at the top of a lesson file: finding it, and turning
 * it into `LessonMeta` with diagnostics that name the offending field and line.
 */
import { z } from "zod";
import { pushError, pushWarning } from "./diagnostics";
import { DATASET_REF_RULE, formatDatasetRef, parseDatasetRef, sameDatasetRef } from "./dataset-ref";
import { LESSON_ID_PATTERN } from "./id-patterns";
import { isPlainObject, warnUnknownKeys } from "./object-keys";
import { LESSON_FORMAT_VERSION, type DatasetRef, type Diagnostic, type LessonId, type LessonMeta } from "./types";
import { parseYamlAt, type YamlSource } from "./yaml-source";
import { reportZodIssues } from "./zod-messages";

/** Default time limit of one checks run, in milliseconds. */
export const DEFAULT_TIME_LIMIT_MS = 5000;

const WHAT = "front matter";
const KEBAB_CASE = LESSON_ID_PATTERN;
const FIELDS = [
  "format",
  "id",
  "title",
  "order",
  "summary",
  "datasets",
  "estimates",
  "timeLimitMs",
  "version",
] as const;
const ESTIMATE_FIELDS = ["cpuSeconds", "wasmSeconds", "memoryMiB"] as const;

const idSchema = z
  .string()
  .regex(KEBAB_CASE, { error: "must be kebab-case (lower-case words joined by '-'), e.g. linear-regression" });
const textSchema = z.string().trim().min(1);
const estimatesSchema = z
  .object({
    cpuSeconds: z.number().nonnegative(),
    wasmSeconds: z.number().nonnegative(),
    memoryMiB: z.number().nonnegative(),
  })
  .partial()
  .nullish();

/** Where the front matter and the body sit in the file's lines. */
export interface FrontMatterSplit {
  /** The YAML between the `---` lines, or null when missing or never closed. */
  yaml: string | null;
  /** File line of the first YAML line. */
  yamlFirstLine: number;
  /** Index into `lines` (0-based) where the Markdown body starts. */
  bodyStart: number;
}

/**
 * Finds the front matter: a `---` line as the very first line, YAML, then a
 * `---` line. Appends an error to `diags` when it is missing or unterminated.
 */
export function splitFrontMatter(lines: readonly string[], diags: Diagnostic[]): FrontMatterSplit {
  if (lines.length === 0 || lines[0].trimEnd() !== "---") {
    const late = lines.findIndex((l) => l.trim() !== "");
    const where =
      late > 0 && lines[late].trimEnd() === "---" ? ` (found it on line ${late + 1}; nothing may come before it)` : "";
    pushError(
      diags,
      1,
      `missing front matter: the file must start with a line '---' on line 1, then YAML fields (format, id, title, order, summary), then '---'${where}`,
    );
    return { yaml: null, yamlFirstLine: 1, bodyStart: 0 };
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trimEnd() === "---");
  if (close < 0) {
    pushError(
      diags,
      1,
      "unterminated front matter: the '---' on line 1 is never closed; add a line '---' after the YAML fields",
    );
    return { yaml: null, yamlFirstLine: 2, bodyStart: 1 };
  }
  return { yaml: lines.slice(1, close).join("\n"), yamlFirstLine: 2, bodyStart: close + 1 };
}

/**
 * Validates the front matter YAML (first line at file line `firstLine`) into
 * `LessonMeta`. Returns null when it is unusable: invalid YAML, not a mapping,
 * a required field missing or invalid, or an unsupported `format`. Problems in
 * optional fields are reported and replaced by defaults.
 */
export function parseFrontMatter(yaml: string, firstLine: number, diags: Diagnostic[]): LessonMeta | null {
  const src = parseYamlAt(yaml, firstLine, 1, WHAT, diags);
  if (!src) return null;
  if (!isPlainObject(src.value)) {
    pushError(diags, 1, "front matter must be YAML fields like 'id: my-lesson', one per line");
    return null;
  }
  const raw = src.value;
  warnUnknownKeys(raw, FIELDS, [], src.lineOf, WHAT, diags);
  const format = field(z.number(), raw, "format", src, diags);
  const id = field(idSchema, raw, "id", src, diags);
  const title = field(textSchema, raw, "title", src, diags);
  const order = field(z.number(), raw, "order", src, diags);
  const summary = field(textSchema, raw, "summary", src, diags);
  const estimates = field(estimatesSchema, raw, "estimates", src, diags) ?? {};
  warnUnknownKeys(raw.estimates, ESTIMATE_FIELDS, ["estimates"], src.lineOf, WHAT, diags);
  const version = field(z.number().int().positive().nullish(), raw, "version", src, diags) ?? 1;
  const timeLimitMs =
    field(z.number().int().positive().nullish(), raw, "timeLimitMs", src, diags) ?? DEFAULT_TIME_LIMIT_MS;
  const datasets = parseDatasets(raw.datasets, src, diags);
  if (format !== undefined && format !== LESSON_FORMAT_VERSION) {
    pushError(
      diags,
      src.lineOf(["format"]),
      `unsupported lesson format ${format}: this app reads format ${LESSON_FORMAT_VERSION}`,
    );
    return null;
  }
  if (format === undefined || id === undefined || title === undefined || order === undefined || summary === undefined)
    return null;
  return {
    id: id as LessonId,
    title,
    formatVersion: format,
    order,
    summary,
    datasets,
    estimates,
    timeLimitMs,
    version,
  };
}

/** Validates one field with `schema`; reports issues (paths prefixed by `key`) and returns undefined on failure. */
function field<T>(
  schema: z.ZodType<T>,
  raw: Record<string, unknown>,
  key: string,
  src: YamlSource,
  diags: Diagnostic[],
): T | undefined {
  const value = Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ ...i, path: [key, ...i.path] }));
  reportZodIssues(issues, raw, src.lineOf, WHAT, diags);
  return undefined;
}

/** Parses the `datasets` list; bad entries are reported and skipped, duplicates warned about. */
function parseDatasets(value: unknown, src: YamlSource, diags: Diagnostic[]): DatasetRef[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    pushError(diags, src.lineOf(["datasets"]), `${WHAT}: 'datasets' must be a list like [city-profits@1]`);
    return [];
  }
  const refs: DatasetRef[] = [];
  value.forEach((item: unknown, i) => {
    const line = src.lineOf(["datasets", i]);
    const ref = typeof item === "string" ? parseDatasetRef(item) : null;
    if (!ref) {
      pushError(
        diags,
        line,
        `${WHAT}: datasets[${i}] ${JSON.stringify(item) ?? String(item)} is not a dataset reference; write ${DATASET_REF_RULE}`,
      );
    } else if (refs.some((r) => sameDatasetRef(r, ref))) {
      pushWarning(diags, line, `${WHAT}: dataset ${formatDatasetRef(ref)} is listed twice`);
    } else {
      refs.push(ref);
    }
  });
  return refs;
}
