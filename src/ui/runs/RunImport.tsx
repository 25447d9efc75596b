import { useState, type ChangeEvent } from "react";
import { parseRunsExport } from "../../core/tracking/run-export";
import { useServices } from "../common/services-context";

type Report = { tone: "info" | "error"; lines: string[] };

/** Imports runs from an exported JSON file: every run is validated; a malformed file imports nothing and says why. */
export function RunImport({ onImported }: { onImported(): void }) {
  const { getRepos } = useServices();
  const [report, setReport] = useState<Report | null>(null);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const { runs, errors } = parseRunsExport(await file.text());
    if (runs.length === 0) {
      setReport({ tone: "error", lines: [`Nothing imported from ${file.name}:`, ...errors] });
      return;
    }
    try {
      const { imported, skipped } = await (await getRepos()).runs.importMany(runs);
      const summary = `Imported ${imported.length} run${imported.length === 1 ? "" : "s"} from ${file.name}${skipped.length ? ` (${skipped.length} already here, kept as they were)` : ""}.`;
      setReport({ tone: errors.length ? "error" : "info", lines: [summary, ...errors.map((e) => `Skipped ${e}`)] });
      onImported();
    } catch (error) {
      setReport({ tone: "error", lines: [`Nothing imported from ${file.name}: ${(error as Error).message}`] });
    }
  };

  return (
    <div className="run-import">
      <label>
        Import runs (JSON) <input type="file" accept=".json,application/json" onChange={importFile} />
      </label>
      {report && (
        <div role={report.tone === "error" ? "alert" : "status"} className={`notice ${report.tone}`}>
          {report.lines.map((line, index) => (
            <div key={index}>{line}</div>
          ))}
        </div>
      )}
    </div>
  );
}
