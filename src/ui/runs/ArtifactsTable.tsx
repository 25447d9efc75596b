/** A run's artifacts with a Download link each; every read and download verifies the SHA-256 first. */
import { useEffect, useState, type MouseEvent } from "react";
import { artifactFileName, type ArtifactRecord } from "../../core/tracking/artifacts";
import type { RunRecord } from "../../core/tracking/types";
import { useServices } from "../common/services-context";

type Row = { id: string; artifact?: ArtifactRecord; error?: string };

/** Saves an artifact's text as a file through a temporary object URL. */
function saveFile(artifact: ArtifactRecord): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([artifact.text], { type: artifact.mediaType }));
  link.download = artifactFileName(artifact);
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

export function ArtifactsTable({ run }: { run: RunRecord }) {
  const { getRepos } = useServices();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getRepos()
      .then(({ tracking }) =>
        Promise.all(
          (run.artifactIds ?? []).map(async (id): Promise<Row> => {
            const read = await tracking.readArtifact(id);
            return read.ok ? { id, artifact: read.artifact } : { id, error: read.error };
          }),
        ),
      )
      .then((found) => live && setRows(found))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [getRepos, run.artifactIds]);

  const download = async (event: MouseEvent, id: string) => {
    event.preventDefault();
    const read = await (await getRepos()).tracking.readArtifact(id);
    if (read.ok) {
      setError(null);
      saveFile(read.artifact);
    } else setError(`Download refused: ${read.error}`);
  };
  const damaged = rows?.filter((row) => row.error) ?? [];
  return (
    <section aria-label="Artifacts section">
      <h2>Artifacts</h2>
      {(error || damaged.length > 0) && (
        <div role="alert" className="notice error">
          {error ?? damaged.map((row) => row.error).join(" ")}
        </div>
      )}
      <table aria-label="Artifacts" className="results">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Version</th>
            <th scope="col">Bytes</th>
            <th scope="col">SHA-256</th>
            <th scope="col">File</th>
          </tr>
        </thead>
        <tbody>
          {rows?.map((row) => (
            <tr key={row.id}>
              <td>{row.artifact?.name ?? row.id}</td>
              <td>{row.artifact ? `v${row.artifact.version}` : ""}</td>
              <td>{row.artifact?.bytes ?? ""}</td>
              <td>
                <code title={row.artifact?.sha256}>{row.artifact?.sha256.slice(0, 16) ?? "damaged"}</code>
              </td>
              <td>
                <a href={`#/runs/${run.runId}`} onClick={(event) => void download(event, row.id)}>
                  Download
                </a>
              </td>
            </tr>
          ))}
          {rows?.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                This run has no artifacts (runs saved before artifacts existed have none).
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
