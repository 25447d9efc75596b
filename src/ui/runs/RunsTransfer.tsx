/** Export of every run with its artifacts, with a progress bar; import (all or nothing, in a worker) beside it. */
import { useState } from "react";
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

export function RunsTransfer({ onImported, hasRuns }: { onImported(): void; hasRuns: boolean }) {
  const { getRepos, environment } = useServices();
  const [busy, setBusy] = useState<Busy>(null);
  const [report, setReport] = useState<Report | null>(null);
  const progress = (label: string, fraction: number) => setBusy({ label, fraction: Math.min(1, fraction) });

  const exportAll = async () => {
    try {
      const { blob, left } = await exportAllRuns(await getRepos(), environment.appVersion, progress);
      saveBlob(blob, `ml-notebook-runs-${new Date().toISOString().slice(0, 10)}.json`);
      if (left > 0) setReport({ tone: "error", lines: [`${left} unreadable run(s) were left out of the export.`] });
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
