/**
 * Opens the IndexedDB database "ml-notebook" and builds one repository per
 * store. Loaded on first use (see services.ts), so idb and the record
 * validators stay out of the first page.
 */
import { openNotebookDb } from "../storage/db";
import { createDraftsRepo } from "../storage/drafts-repo";
import { createLocalLessonsRepo } from "../storage/local-lessons-repo";
import { createProgressRepo } from "../storage/progress-repo";
import { createRunsRepo } from "../storage/runs-repo";
import { createSettingsRepo } from "../storage/settings-repo";
import { createTrackingRepo } from "../storage/tracking-repo";
import type { Repos } from "../ui/common/services-context";

/** Opens the database and returns its repositories. */
export function openRepos(): Promise<Repos> {
  return openNotebookDb(undefined, {
    onVersionChange: () => alert("A newer version of this app opened in another tab. Reload this page to keep saving."),
  }).then((db) => ({
    drafts: createDraftsRepo(db),
    progress: createProgressRepo(db),
    runs: createRunsRepo(db),
    settings: createSettingsRepo(db),
    localLessons: createLocalLessonsRepo(db),
    tracking: createTrackingRepo(db),
  }));
}
