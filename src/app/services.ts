/**
 * The app's long-lived services, created once: the IndexedDB repositories
 * (database "ml-notebook") and the kernel client.
 */
import { openNotebookDb } from "../storage/db";
import { createDraftsRepo } from "../storage/drafts-repo";
import { createLocalLessonsRepo } from "../storage/local-lessons-repo";
import { createProgressRepo } from "../storage/progress-repo";
import { createRunsRepo } from "../storage/runs-repo";
import { createSettingsRepo } from "../storage/settings-repo";
import { createTrackingRepo } from "../storage/tracking-repo";
import { KernelClient } from "../kernel/kernel-client";
import type { Repos } from "../ui/common/services-context";

let reposPromise: Promise<Repos> | null = null;

/** Opens the database on first use; every caller shares the same connection. */
export function getRepos(): Promise<Repos> {
  reposPromise ??= openNotebookDb(undefined, {
    onVersionChange: () => alert("A newer version of this app opened in another tab. Reload this page to keep saving."),
  }).then((db) => ({
    drafts: createDraftsRepo(db),
    progress: createProgressRepo(db),
    runs: createRunsRepo(db),
    settings: createSettingsRepo(db),
    localLessons: createLocalLessonsRepo(db),
    tracking: createTrackingRepo(db),
  }));
  return reposPromise;
}

export const kernel = new KernelClient();
