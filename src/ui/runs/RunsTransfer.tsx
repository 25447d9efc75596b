/** Export of every run with its artifacts, with a progress bar; import (all or nothing, in a worker) beside it. */
import { useState } from "react";
import { formatMegabytes, MAX_IMPORT_FILE_BYTES, MAX_RUNS_PER_IMPORT } from "../../core/tracking/import-limits";
import { useServices } from "../common/services-context";
import { RunImport } from "./RunImport";
import { exportAllRuns } from "./runs-transfer";

type Busy = { label: string; fraction: number } | null;
type Report = { tone: "info" | "error"; lines: string[] };

/** Saves a Blob as a file through a temporary object URL. */
function saveBlob(blob: Blob, name: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Why an export could not be imported again in one go (main's import limits), if it could not. */
function tooLarge(runs: number, bytes: number): string[] {
  if (runs <= MAX_RUNS_PER_IMPORT && bytes <= MAX_IMPORT_FILE_BYTES) return [];
  return [
    `This export holds ${runs} runs (${formatMegabytes(bytes)}), more than one import may hold (${MAX_RUNS_PER_IMPORT} runs, ${formatMegabytes(MAX_IMPORT_FILE_BYTES)}): it cannot be imported in one go.`,
  ];
}

export function RunsTransfer({ onImported, hasRuns }: { onImported(): void; hasRuns: boolean }) {
  const { getRepos, environment } = useServices();
  const [busy, setBusy] = useState<Busy>(null);
  const [report, setReport] = useState<Report | null>(null);
  const progress = (label: string, fraction: number) => setBusy({ label, fraction: Math.min(1, fraction) });

  const exportAll = async () => {
    try {
      const { blob, runs, left } = await exportAllRuns(await getRepos(), environment.appVersion, progress);
      saveBlob(blob, `ml-notebook-runs-${new Date().toISOString().slice(0, 10)}.json`);
      const lines = [
        ...(left > 0 ? [`${left} unreadable run(s) were left out of the export.`] : []),
        ...tooLarge(runs, blob.size),
      ];
      if (lines.length > 0) setReport({ tone: "error", lines });
    } catch (error) {
      setReport({ tone: "error", lines: [`Export failed: ${(error as Error).message}`] });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="run-import">
      <button type="button" onClick={() => void exportAll()} disabled={!hasRuns || busy !== null}>
        Export runs (JSON)
      </button>{" "}
      <RunImport onImported={onImported} />
      {busy && (
        <div>
          <progress aria-label={busy.label} max={1} value={busy.fraction} /> {busy.label}…
        </div>
      )}
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
