/**
 * The `tf` object lesson reference cells receive: tfjs-core's functional ops
 * and `tf.train` optimizers plus tfjs-layers (`tf.sequential`, `tf.layers`),
 * one namespace like the full `@tensorflow/tfjs` bundle, without its data and
 * converter packages.
 */
import * as core from "@tensorflow/tfjs-core";
import * as layers from "@tensorflow/tfjs-layers";

export const tfNamespace = { ...core, ...layers, version_core: core.version_core };
export type TfNamespace = typeof tfNamespace;
