/**
 * The "try it" comparison of an exercise: the learner's function and the
 * lesson's solution called on arguments the learner types, compared as a
 * check would. The solution runs in the kernel under its own cell id and is
 * never shown. Pure.
 */
import type { SourceCell } from "../evaluation/types";

/** Cell id the solution runs under in a try-it run. */
export const TRY_REFERENCE_CELL = "tryItReference";

/** The first function a cell exports (`export function f`, `export async function f`, `export const f =`), or null. */
export function exportedFunctionName(code: string): string | null {
  const match =
    /export\s+(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)|export\s+const\s+([A-Za-z_$][\w$]*)\s*=/.exec(code);
  return match ? (match[1] ?? match[2]) : null;
}

/**
 * The extra cell and the check source of a try-it run: `args` is what the
 * learner typed between the parentheses of a call (e.g. `X, y, [0, 0]`),
 * with setup exports in scope. Null when the exercise has no solution or the
 * solution exports no function.
 */
export function tryItSources(
  exercise: { id: string; solution?: string },
  args: string,
): { reference: SourceCell; check: SourceCell; functionName: string } | null {
  if (!exercise.solution) return null;
  const name = exportedFunctionName(exercise.solution);
  if (!name) return null;
  const check = [
    `import { ${name} as __mine } from "./${exercise.id}";`,
    `import { ${name} as __reference } from "./${TRY_REFERENCE_CELL}";`,
    `const __args = [${args}\n];`,
    `const __theirs = __reference(...structuredClone(__args));`,
    `check("your ${name} vs the reference", __mine(...__args), __theirs, { tol: 1e-6 });`,
  ].join("\n");
  return {
    reference: { id: TRY_REFERENCE_CELL, code: exercise.solution },
    check: { id: "tryIt", code: check },
    functionName: name,
  };
}
