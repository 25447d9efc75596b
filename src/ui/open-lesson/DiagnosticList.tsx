import type { Diagnostic } from "../../core/lesson/types";

/** Parser diagnostics as a list, one item per problem: its severity, then "Line N: message". */
export function DiagnosticList({ label, diagnostics }: { label: string; diagnostics: readonly Diagnostic[] }) {
  return (
    <ul className="diagnostics" aria-label={label}>
      {diagnostics.map((d, index) => (
        <li key={index} className={`diagnostic ${d.severity}`}>
          <span className="severity">{d.severity === "error" ? "Error" : "Warning"}</span> Line {d.line}: {d.message}
        </li>
      ))}
    </ul>
  );
}

/** "2 errors, 1 warning". */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return [errors > 0 && part(errors, "error"), warnings > 0 && part(warnings, "warning")].filter(Boolean).join(", ");
}
