import { useState, type ChangeEvent } from "react";
import { formatMegabytes, MAX_ERRORS_SHOWN, MAX_IMPORT_FILE_BYTES } from "../../core/tracking/import-limits";
import { downloadText } from "../common/download";
import { importRunsFile, type ImportOutcome } from "./import-client";
import type { ImportStage } from "./import-protocol";

type Report = { fileName: string; outcome: ImportOutcome };

const STAGE_TEXT: Record<ImportStage["phase"], string> = {
  reading: "Reading the file",
  parsing: "Parsing",
  validating: "Checking runs",
  checksums: "Checking checksums",
  artifacts: "Checking artifact checksums",
  saving: "Saving",
};

/**
 * Imports runs from an exported JSON file, all or nothing, in a worker: any
 * invalid run, checksum mismatch or clash means nothing is imported, and the
 * first `MAX_ERRORS_SHOWN` reasons are shown (all of them can be downloaded).
 */
export function RunImport({ onImported }: { onImported(): void }) {
  const [stage, setStage] = useState<ImportStage | null>(null);
  const [report, setReport] = useState<Report | null>(null);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setReport(null);
    setStage({ phase: "reading", done: 0, total: file.size });
    const outcome = await importRunsFile(file, setStage);
    setStage(null);
    setReport({ fileName: file.name, outcome });
    if (outcome.kind === "imported") onImported();
  };

  return (
    <div className="run-import">
      <label>
        Import runs (JSON){" "}
        <input type="file" accept=".json,application/json" onChange={importFile} disabled={!!stage} />
      </label>
      <span className="muted small"> up to {formatMegabytes(MAX_IMPORT_FILE_BYTES)}</span>
      {stage && <ImportProgressBar stage={stage} />}
      {report && <ImportReport report={report} />}
    </div>
  );
}

function ImportProgressBar({ stage }: { stage: ImportStage }) {
  const known = stage.total > 0 && stage.phase !== "reading";
  return (
    <div className="import-progress">
      <progress
        aria-label="Import progress"
        max={known ? stage.total : undefined}
        value={known ? stage.done : undefined}
      />{" "}
      <span className="muted small">
        {STAGE_TEXT[stage.phase]}
        {known && ` (${stage.done} of ${stage.total})`}…
      </span>
    </div>
  );
}

function ImportReport({ report: { fileName, outcome } }: { report: Report }) {
  if (outcome.kind === "imported") {
    const { imported, skipped } = outcome;
    return (
      <div role="status" className="notice info">
        Imported {imported} run{imported === 1 ? "" : "s"} from {fileName}
        {skipped > 0 && ` (${skipped} already here, kept as they were)`}.
      </div>
    );
  }
  const { errors, errorCount } = outcome;
  const hidden = errorCount - Math.min(errors.length, MAX_ERRORS_SHOWN);
  const downloadAll = () => {
    const cut = errorCount > errors.length ? [`(${errorCount - errors.length} more problems were not kept)`] : [];
    downloadText(`import-problems-${fileName}.txt`, [...errors, ...cut].join("\n"), "text/plain");
  };
  return (
    <div role="alert" className="notice error">
      <div>
        Nothing imported from {fileName}: {errorCount} problem{errorCount === 1 ? "" : "s"}.
      </div>
      <ul aria-label="Import problems">
        {errors.slice(0, MAX_ERRORS_SHOWN).map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
      {hidden > 0 && (
        <div>
          …and {hidden} more.{" "}
          <button type="button" onClick={downloadAll}>
            Download all problems
          </button>
        </div>
      )}
    </div>
  );
}
