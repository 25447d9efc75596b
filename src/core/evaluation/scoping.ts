/**
 * Cell scoping, made explicit for learners and instructors: a cell's exports
 * are importable by later cells as `./<cellId>` and are plain variables in
 * check cells. These helpers turn the two ways to get that wrong (importing a
 * name a cell does not export, using another cell's export without importing
 * it) into messages that say what to write. Pure.
 */
import type { CellError } from "./types";

/** Names an importer may probe on a module without it being a mistake. */
const INTEROP_NAMES = new Set(["__esModule", "default", "then", "toJSON"]);

/**
 * A read-only view of a cell's exports that throws a clear error when code
 * reads a name the cell does not export (sucrase compiles `helper(1)` after
 * `import { helper } from "./data"` to `_data.helper.call(...)`, which would
 * otherwise fail as "Cannot read properties of undefined (reading 'call')").
 */
export function scopedExports(
  cellId: string,
  exports: Record<string, unknown>,
  importer: string,
): Record<string, unknown> {
  return new Proxy(exports, {
    get(target, name, receiver) {
      if (typeof name !== "string" || name in target || INTEROP_NAMES.has(name)) {
        return Reflect.get(target, name, receiver);
      }
      const names = Object.keys(target).filter((n) => n !== "__esModule");
      throw new ReferenceError(
        `cell ${importer} imports "${name}" from "./${cellId}", but cell ${cellId} does not export it (it exports: ${names.join(", ") || "nothing"})`,
      );
    },
  });
}

/**
 * Adds how to fix a `ReferenceError: X is not defined` when X is exported by
 * another cell: module cells (exercises, setup) must import it; only check
 * cells see every export by name.
 */
export function explainScopeError(
  error: CellError,
  exportedBy: (name: string) => string | undefined,
  inCheckCell: boolean,
): CellError {
  const match = /^ReferenceError: ([A-Za-z_$][\w$]*) is not defined$/.exec(error.message);
  if (!match) return error;
  const name = match[1];
  const owner = exportedBy(name);
  if (owner && !inCheckCell) {
    return {
      ...error,
      message: `${error.message}: it is exported by cell ${owner}; in this cell write import { ${name} } from "./${owner}"`,
    };
  }
  if (!owner) {
    const where = inCheckCell
      ? "check cells see the exports of setup and exercise cells"
      : 'import exports of earlier cells from "./<cellId>"';
    return {
      ...error,
      message: `${error.message}: no cell exports "${name}" (${where}; a name that is not exported stays private to its cell)`,
    };
  }
  return error;
}
