/**
 * The app's long-lived services, created once: the IndexedDB repositories
 * (database "ml-notebook", opened on first use from a lazily loaded module)
 * and the kernel client (also loaded on first use: it brings the message
 * schema, zod, which the catalogue does not need).
 */
import type { KernelClient, RunHandle } from "../kernel/kernel-client";
import type { KernelRequest } from "../core/protocol/protocol";
import type { KernelRunner, Repos } from "../ui/common/services-context";

let reposPromise: Promise<Repos> | null = null;

/** Opens the database on first use; every caller shares the same connection. */
export function getRepos(): Promise<Repos> {
  reposPromise ??= import("./repos").then(({ openRepos }) => openRepos());
  return reposPromise;
}

let clientPromise: Promise<KernelClient> | null = null;

function kernelClient(): Promise<KernelClient> {
  clientPromise ??= import("../kernel/kernel-client").then(({ KernelClient }) => new KernelClient());
  return clientPromise;
}

/** The kernel client's two entry points, each loading the client first (once). */
export const kernel: KernelRunner = {
  warmUp(backend) {
    void kernelClient().then((client) => client.warmUp(backend));
  },
  run<R extends KernelRequest>(
    request: R,
    timeLimitMs: number,
    onMessage: Parameters<KernelClient["run"]>[2],
  ): RunHandle<R["kind"]> {
    let stopRequested = false;
    let handle: RunHandle<R["kind"]> | null = null;
    const done = kernelClient().then((client) => {
      handle = client.run(request, timeLimitMs, onMessage);
      if (stopRequested) handle.stop();
      return handle.done;
    });
    return {
      done,
      stop() {
        stopRequested = true;
        handle?.stop();
      },
    };
  },
};
