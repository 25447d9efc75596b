/**
 * What a lesson page needs next, loaded in the order a learner needs it: the
 * prose and the editable code first; then Monaco (megabytes to compile), once
 * the saved work is on screen and the page is idle; then the warm kernel
 * (tfjs and WASM, in a worker of its own), once Monaco is ready. On a 2-core
 * machine each of these competes with the others for the main thread, so
 * starting them all at once delays the first thing the learner wants.
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
