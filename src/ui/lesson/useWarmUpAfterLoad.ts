/**
 * What a lesson page needs next, loaded in the order a learner needs it: the
 * prose and the editable code first; then Monaco (megabytes to compile: the
 * first CodeEditor asks for it when the exercises mount, after the saved work
 * is read; this hook asks too, for pages without an exercise); then the warm
 * kernel (tfjs and WASM, in a worker of its own), once Monaco is ready and the
 * page is idle. On a 2-core machine each of these competes with the others
 * for the main thread, so starting them all at once delays the first thing
 * the learner wants.
 */
import { useEffect } from "react";
import type { BackendChoice } from "../../core/backends/backend-choice";
import { useServices } from "../common/services-context";
import { loadMonaco } from "../editor/load-monaco";
import { whenIdle } from "../common/when-idle";

export function useWarmUpAfterLoad(loaded: boolean, backend: BackendChoice): void {
  const { kernel } = useServices();
  useEffect(() => {
    if (!loaded) return;
    let cancelled = false;
    let cancelWarmUp = () => {};
    const cancelMonaco = whenIdle(() => {
      void loadMonaco().then(() => {
        if (!cancelled) cancelWarmUp = whenIdle(() => kernel.warmUp(backend));
      });
    });
    return () => {
      cancelled = true;
      cancelMonaco();
      cancelWarmUp();
    };
  }, [loaded, kernel, backend]);
}
