/**
 * The app's long-lived services, created once: the IndexedDB repositories
 * (database "ml-notebook", opened on first use from a lazily loaded module)
 * and the kernel client.
 */
import { KernelClient } from "../kernel/kernel-client";
import type { Repos } from "../ui/common/services-context";

let reposPromise: Promise<Repos> | null = null;

/** Opens the database on first use; every caller shares the same connection. */
export function getRepos(): Promise<Repos> {
  reposPromise ??= import("./repos").then(({ openRepos }) => openRepos());
  return reposPromise;
}

export const kernel = new KernelClient();
