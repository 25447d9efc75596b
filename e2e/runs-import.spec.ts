/**
 * Runs + artifacts imports through the worker, all or nothing: an altered
 * artifact or a clash with a stored run writes nothing; a stored run the app
 * cannot read is reported on the Runs page and can be downloaded and removed.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { validRun } from "./support/faults";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** A loss-history artifact of `runId`, its checksum and size recorded for `text`. */
function artifact(runId: string, version: number, text = `implementation,step,loss\nlearner,0,32.07\n`) {
  return {
    schemaVersion: 1,
    id: `linear-regression-one-variable/fit-loss-history@v${version}`,
    lessonId: "linear-regression-one-variable",
    name: "fit-loss-history",
    version,
    runId,
    mediaType: "text/csv",
    bytes: Buffer.byteLength(text),
    sha256: sha256(text),
    createdAt: "2026-11-03T10:00:00.000Z",
    text,
  };
}

/** A format-2 export (runs and artifacts) written to disk and chosen in `Import runs (JSON)`. */
async function importBundle(page: Page, name: string, runs: unknown[], artifacts: unknown[]) {
  const text = JSON.stringify({
    format: "ml-notebook-runs",
    formatVersion: 2,
    exportedAt: "2026-11-03T12:00:00.000Z",
    appVersion: "0.1.0",
    runs,
    artifacts,
  });
  const path = test.info().outputPath(name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  await page.getByLabel("Import runs (JSON)").setInputFiles(path);
}

const runWithArtifact = (runId: string, version: number) => ({
  ...validRun(runId),
  schemaVersion: 2,
  artifactIds: [`linear-regression-one-variable/fit-loss-history@v${version}`],
});

test.describe("runs + artifacts import", () => {
  test("an altered artifact or a clash with a stored run imports nothing; a clean file imports runs and artifacts", async ({
    page,
  }) => {
    await page.goto("/#/runs");
    const table = page.getByRole("table", { name: "Runs" });
    await expect(table).toContainText("No runs yet");
    const runs = [runWithArtifact("with-art-1", 1), runWithArtifact("with-art-2", 2)];
    const altered = { ...artifact("with-art-2", 2), text: "implementation,step,loss\nlearner,0,1\n" };
    await importBundle(page, "altered.json", runs, [artifact("with-art-1", 1), altered]);
    const alert = page.getByRole("alert").filter({ hasText: "Nothing imported from altered.json" });
    await expect(alert).toContainText(
      "artifact 2: Artifact linear-regression-one-variable/fit-loss-history@v2 is damaged or was altered",
    );
    await expect(table).toContainText("No runs yet");

    await importBundle(page, "clean.json", runs, [artifact("with-art-1", 1), artifact("with-art-2", 2)]);
    await expect(page.getByRole("status").filter({ hasText: "Imported 2 runs from clean.json" })).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(3);

    const changed = { ...runWithArtifact("with-art-1", 1), seed: 7 };
    await importBundle(page, "clash.json", [validRun("brand-new"), changed], [artifact("with-art-1", 1)]);
    await expect(page.getByRole("alert").filter({ hasText: "Nothing imported from clash.json" })).toContainText(
      'run 2: runId: a different run with id "with-art-1" is already stored',
    );
    await page.reload();
    await expect(table.getByRole("row")).toHaveCount(3);
    await expect(table).not.toContainText("brand-new".slice(0, 8));

    await table.getByRole("link", { name: "run with-art" }).first().click();
    const artifacts = page.getByRole("table", { name: "Artifacts" });
    await expect(artifacts).toContainText("fit-loss-history");
    await expect(artifacts.getByRole("link", { name: /Download/ })).toHaveCount(1);
  });

  test("a stored run the app cannot read is reported on the Runs page, downloaded and removed", async ({ page }) => {
    await page.goto("/#/runs");
    await expect(page.getByRole("table", { name: "Runs" })).toContainText("No runs yet");
    await page.evaluate(
      (record) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("ml-notebook");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction("runs", "readwrite");
            tx.objectStore("runs").put(record);
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      { ...validRun("broken-run"), seed: "not a number" },
    );
    await page.reload();
    const damaged = page.getByRole("region", { name: "Damaged records" });
    await expect(damaged).toContainText("The saved run broken-run is damaged (seed:");
    const downloading = page.waitForEvent("download");
    await damaged.getByRole("button", { name: "Download and replace" }).click();
    expect((await downloading).suggestedFilename()).toMatch(/^damaged-runs-broken-run-/);
    await expect(damaged.getByRole("status")).toContainText("the record was replaced");
    await page.reload();
    await expect(page.getByRole("table", { name: "Runs" })).toContainText("No runs yet");
    await expect(page.getByRole("region", { name: "Damaged records" })).toHaveCount(0);
  });
});
