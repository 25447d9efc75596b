/** The learner's tags and note on a run, saved with the run (and its summary, so the Runs page can filter by tag). */
import { useState } from "react";
import { parseTags } from "../../core/tracking/run-summary";
import { MAX_NOTE_LENGTH } from "../../core/tracking/run-extras";
import type { RunRecord } from "../../core/tracking/types";
import { useServices } from "../common/services-context";

export function RunLabels({ run, onSaved }: { run: RunRecord; onSaved(): void }) {
  const { getRepos } = useServices();
  const [tags, setTags] = useState((run.tags ?? []).join(", "));
  const [note, setNote] = useState(run.note ?? "");
  const [message, setMessage] = useState<{ tone: "info" | "error"; text: string } | null>(null);
  const save = async () => {
    try {
      await (await getRepos()).tracking.setLabels(run.runId, { tags: parseTags(tags), note });
      setMessage({ tone: "info", text: "Tags and note saved." });
      onSaved();
    } catch (error) {
      setMessage({ tone: "error", text: (error as Error).message });
    }
  };
  return (
    <section aria-label="Tags and note" className="card">
      <h2>Tags and note</h2>
      <label>
        Tags{" "}
        <input type="text" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="baseline, lr-test" />
      </label>
      <label className="block">
        Note
        <textarea value={note} maxLength={MAX_NOTE_LENGTH} rows={3} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="button" onClick={() => void save()}>
        Save tags and note
      </button>
      {message && (
        <span role={message.tone === "error" ? "alert" : "status"} className={`notice ${message.tone}`}>
          {message.text}
        </span>
      )}
    </section>
  );
}
