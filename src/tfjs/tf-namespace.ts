/**
 * The `tf` object lesson reference cells receive: tfjs-core's functional ops
 * and `tf.train` optimizers plus tfjs-layers (`tf.sequential`, `tf.layers`),
 * one namespace like the full `@tensorflow/tfjs` bundle, without its data and
 * converter packages. Chained ops (`x.matMul(y).sub(z)`) are registered
 * here, as the full bundle does: tfjs-core alone leaves Tensor without them.
 */
import * as core from "@tensorflow/tfjs-core";
import { registerChainedOps } from "./chained-ops";
import * as layers from "@tensorflow/tfjs-layers";

registerChainedOps();

export const tfNamespace = { ...core, ...layers, version_core: core.version_core };
export type TfNamespace = typeof tfNamespace;
