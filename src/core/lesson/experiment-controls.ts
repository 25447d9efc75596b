/**
 * The optional `controls` field of an experiment cell: per declared param, the
 * range of the control a learner changes it with. Pure; appends diagnostics.
 */
import { z } from "zod";
import { pushError } from "./diagnostics";
import { warnUnknownKeys } from "./object-keys";
import type { Diagnostic, ParamControl } from "./types";

/** Fields a control may have. */
export const CONTROL_FIELDS = ["min", "max", "step", "scale"] as const;

/** The zod schema of `controls`: shapes only; the rules between fields are `controlDiagnostics`. */
export const controlsSchema = z
  .record(
    z.string(),
    z.object({
      min: z.number(),
      max: z.number(),
      step: z.number().gt(0),
      scale: z.enum(["linear", "log"]).default("linear"),
    }),
  )
  .optional();

/** Warnings for unknown fields inside each control of `raw` (the YAML value of `controls`). */
export function warnUnknownControlKeys(
  raw: unknown,
  lineOf: (path: readonly PropertyKey[]) => number,
  what: string,
  diags: Diagnostic[],
): void {
  if (typeof raw !== "object" || raw === null) return;
  for (const name of Object.keys(raw)) {
    warnUnknownKeys((raw as Record<string, unknown>)[name], CONTROL_FIELDS, ["controls", name], lineOf, what, diags);
  }
}

/**
 * Errors for controls that break the rules: each names a declared param,
 * min < max, a log scale starts above 0, and the param's value lies in range.
 * Returns true when there were none.
 */
export function controlsOk(
  controls: Record<string, ParamControl> | undefined,
  params: Record<string, number>,
  lineOf: (path: readonly PropertyKey[]) => number,
  what: string,
  diags: Diagnostic[],
): boolean {
  const before = diags.length;
  for (const [name, control] of Object.entries(controls ?? {})) {
    const at = (field?: string) => lineOf(field ? ["controls", name, field] : ["controls", name]);
    const value = params[name];
    const declared = Object.keys(params);
    if (value === undefined) {
      pushError(
        diags,
        at(),
        `${what}: control '${name}' names no param (declared params: ${declared.join(", ") || "none"})`,
      );
      continue;
    }
    if (!(control.min < control.max))
      pushError(diags, at("max"), `${what}: control '${name}' needs min < max (got ${control.min} .. ${control.max})`);
    else if (value < control.min || value > control.max)
      pushError(
        diags,
        at(),
        `${what}: control '${name}': the param's value ${value} is outside its range ${control.min} .. ${control.max}`,
      );
    if (control.scale === "log" && control.min <= 0)
      pushError(diags, at("min"), `${what}: control '${name}' with scale: log needs min > 0 (got ${control.min})`);
  }
  return diags.length === before;
}
