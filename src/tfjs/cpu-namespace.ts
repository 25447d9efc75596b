/**
 * The tfjs namespace with the CPU backend registered: what Node tools
 * (`lessons:check`, the golden tests) pass to core's `verifyLesson`
 * (src/core/verification/verify-lesson.ts), which imports no tfjs itself.
 */
import "@tensorflow/tfjs-backend-cpu";
import { createTfFacade } from "./tf-facade";
import { tfNamespace, type TfNamespace } from "./tf-namespace";

/**
 * `tfNamespace`, once the CPU backend is registered (importing this module
 * registers it), with the allow-listed `tf` the kernel gives reference cells:
 * a reference that needs more than the kernel allows fails the tools too.
 */
export const cpuTfNamespace: TfNamespace & { referenceTf: unknown } = { ...tfNamespace, referenceTf: createTfFacade() };
