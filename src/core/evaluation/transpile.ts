/**
 * Turns a cell's TypeScript into a CommonJS function body with sucrase, which
 * strips types without changing line numbers, so errors map back to the
 * learner's lines without source maps.
 */
import { transform } from "sucrase";
import type { CellError } from "./types";

export type TranspileResult = { ok: true; js: string } | { ok: false; error: CellError };

interface SucraseError {
  message: string;
  loc?: { line: number; column: number };
}

/** Transpiles one cell. `import`/`export` become `require`/`exports`; dynamic `import()` too. Pure. */
export function transpileCell(cellId: string, code: string): TranspileResult {
  try {
    const js = transform(code, { transforms: ["typescript", "imports"], disableESTransforms: true }).code;
    return { ok: true, js };
  } catch (thrown) {
    const error = thrown as SucraseError;
    const message = String(error.message ?? thrown).replace(/\s*\(\d+:\d+\)$/, "");
    return {
      ok: false,
      error: {
        cellId,
        phase: "syntax",
        message: `SyntaxError: ${message}`,
        line: error.loc?.line,
        // sucrase already reports a 1-based column (unlike Babel).
        column: error.loc?.column,
      },
    };
  }
}
