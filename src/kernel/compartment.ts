/**
 * The kernel's SES realm (Hardened JavaScript, the `ses` package).
 *
 * `lockDownRealm` runs SES `lockdown()` once per worker, after tfjs has
 * started: every JavaScript built-in (`Object.prototype`, `Array.prototype`,
 * `Math`, `Function`, ...) is frozen, `Function.prototype.constructor` no
 * longer evaluates code, and `Error.prepareStackTrace` cannot be hooked from
 * a compartment. Each cell is then compiled in a fresh `Compartment` whose
 * global object holds only the frozen intrinsics, `Math` (with the run's
 * seeded `random`), `console` and `structuredClone` (both made by the
 * evaluator in core, not the host's): no `self`, `postMessage`, `fetch`,
 * `navigator`, storage, timers or DOM. Code can reach nothing else but what
 * the evaluator hands it (the hardened `lesson` module, earlier cells'
 * exports and, in checks, the hardened check helpers).
 *
 * Compartment code is always strict, `import(...)` is rejected in every
 * evaluator the compartment has (its `Function`, `eval`), and `Date.now()`
 * throws there (a run must not depend on the clock).
 */
import "ses";
import type { EvaluationRealm } from "../core/evaluation/evaluate";

let lockedDown = false;

/**
 * Seeds `Math.random` with `random`, freezes the built-ins (irreversible for
 * this worker) and returns the realm that compiles cells in compartments.
 * Call after tfjs has initialised and before any lesson or learner code runs.
 */
export function lockDownRealm(random: () => number): EvaluationRealm {
  if (!lockedDown) {
    // Seeded before lockdown freezes Math: tfjs (start compartment) and cells share the run's sequence.
    Math.random = random;
    lockdown({
      // Stacks stay readable (cells' line numbers come from them); compartments still cannot hook them.
      errorTaming: "unsafe",
      stackFiltering: "verbose",
      consoleTaming: "unsafe",
      overrideTaming: "moderate",
      reporting: "none",
    });
    lockedDown = true;
  }
  // Math is frozen now and carries the seeded random; compartments get it instead of SES's random-less one.
  const seededMath = Math;
  return {
    compile(_cellId, params, body, globals = {}) {
      const compartment = new Compartment({ globals: { ...globals, Math: seededMath }, __options__: true });
      const CellFunction = compartment.globalThis.Function as FunctionConstructor;
      return CellFunction(...params, body) as (...args: unknown[]) => unknown;
    },
    harden: (value) => harden(value),
  };
}
