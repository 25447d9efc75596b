/**
 * The tfjs namespace with the CPU backend registered: what Node tools
 * (`lessons:check`, the golden tests) pass to core's `verifyLesson`
 * (src/core/verification/verify-lesson.ts), which imports no tfjs itself.
 */
import "@tensorflow/tfjs-backend-cpu";
import { tfNamespace, type TfNamespace } from "./tf-namespace";

/** `tfNamespace`, once the CPU backend is registered (importing this module registers it). */
export const cpuTfNamespace: TfNamespace = tfNamespace;
