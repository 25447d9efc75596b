import { useState } from "react";
import { damagedRecordFile, describeDamagedRecord, type DamagedRecord } from "../../core/tracking/damaged-record";
import { downloadText } from "./download";

/** Shown at most; a page never renders an unbounded list of records. */
const MAX_SHOWN = 20;

/**
 * Stored records the app cannot read (region "Damaged records"): what
 * happened to each, and one button per record, `Download and replace`, that
 * downloads the record as stored and then calls `onReplace` (which removes it
 * so the app's current state can be saved in its place).
 */
export function DamagedRecords({
  records,
  onReplace,
}: {
  records: readonly DamagedRecord[];
  onReplace(record: DamagedRecord): Promise<void>;
}) {
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  if (records.length === 0 && !done && !failed) return null;
  const replace = async (record: DamagedRecord) => {
    const file = damagedRecordFile(record);
    downloadText(file.fileName, file.text);
    try {
      await onReplace(record);
      setFailed(null);
      setDone(`A copy was downloaded as ${file.fileName}, and the record was replaced.`);
    } catch (error) {
      setFailed(
        `A copy was downloaded as ${file.fileName}, but the record could not be replaced: ${(error as Error).message}`,
      );
    }
  };
  return (
    <section aria-label="Damaged records" className="damaged-records">
      {records.length > 0 && (
        <ul role="alert" className="notice error">
          {records.slice(0, MAX_SHOWN).map((record) => (
            <li key={JSON.stringify(record.key)}>
              {describeDamagedRecord(record)}{" "}
              <button type="button" onClick={() => void replace(record)}>
                Download and replace
              </button>
            </li>
          ))}
          {records.length > MAX_SHOWN && <li>…and {records.length - MAX_SHOWN} more.</li>}
        </ul>
      )}
      {done && (
        <p role="status" className="notice info">
          {done}
        </p>
      )}
      {failed && (
        <p role="alert" className="notice error">
          {failed}
        </p>
      )}
    </section>
  );
}
