/**
 * The app's long-lived services, created once: the IndexedDB repositories
 * (database "ml-notebook", opened on first use from a lazily loaded module)
 * and the kernel client (also loaded on first use: it brings the message
 * schema, zod, which the catalogue does not need).
 */
import type { Repos } from "../ui/common/services-context";
import { lazyKernelRunner } from "./lazy-kernel";

let reposPromise: Promise<Repos> | null = null;

/** Opens the database on first use; every caller shares the same connection. */
export function getRepos(): Promise<Repos> {
  reposPromise ??= import("./repos").then(({ openRepos }) => openRepos());
  return reposPromise;
}

/** The kernel client, loaded on first use. */
export const kernel = lazyKernelRunner(() =>
  import("../kernel/kernel-client").then(({ KernelClient }) => new KernelClient()),
);
