/**
 * The `tf` object lesson reference cells receive once the kernel is locked
 * down: an allow-list of tfjs, not the whole namespace. The namespace also
 * holds `env()` (whose `global` is the worker's global object, with its
 * `postMessage`), `engine()`, `backend()`, kernel and backend registries,
 * `io` (HTTP and IndexedDB model handlers), `browser` and `util.fetch`;
 * none of them is here. What is: every tfjs op (functions tfjs itself wraps
 * with `op()`, whose names end in `__op`), tensor creation and memory
 * management, gradients, optimizers and the layers API for models.
 */
import { tfNamespace } from "./tf-namespace";

/** Namespace members other than ops that reference code may use. */
const ALLOWED_FUNCTIONS = [
  "scalar",
  "tensor",
  "tensor1d",
  "tensor2d",
  "tensor3d",
  "tensor4d",
  "tensor5d",
  "tensor6d",
  "zeros",
  "ones",
  "fill",
  "linspace",
  "range",
  "buffer",
  "variable",
  "tidy",
  "keep",
  "dispose",
  "memory",
  "ready",
  "getBackend",
  "nextFrame",
  "grad",
  "grads",
  "valueAndGrad",
  "valueAndGrads",
  "variableGrads",
  "customGrad",
  "meshgrid",
  "booleanMaskAsync",
  "whereAsync",
  "setdiff1dAsync",
  "inTopKAsync",
  "upperBound",
  "lowerBound",
  "cosineWindow",
  "sequential",
  "model",
  "input",
] as const;

/** Classes reference code may test with `instanceof` (their prototypes stay tfjs's own). */
const ALLOWED_CLASSES = ["Tensor", "Variable", "TensorBuffer"] as const;

/** Namespaces of ops and model parts, copied one level deep. */
const ALLOWED_NAMESPACES = [
  "train",
  "losses",
  "linalg",
  "image",
  "signal",
  "spectral",
  "sparse",
  "string",
  "layers",
  "initializers",
  "regularizers",
  "constraints",
  "metrics",
  "callbacks",
] as const;

const ALLOWED_VALUES = ["version_core", "version_layers"] as const;

type Namespace = Record<string, unknown>;

/**
 * The functions of one namespace (static methods of a class, as `tf.train` is),
 * bound to it. Bundled namespaces expose their members as getters (tfjs's
 * own objects, read here before any lesson code runs).
 */
function copyNamespace(source: unknown): Readonly<Namespace> {
  const out: Namespace = {};
  const owner = source as Namespace;
  for (const key of Object.getOwnPropertyNames(owner)) {
    if (key === "prototype" || key === "length" || key === "name" || key === "caller" || key === "arguments") continue;
    const value = owner[key];
    if (typeof value === "function") out[key] = value.bind(owner);
  }
  return Object.freeze(out);
}

/** Builds the frozen facade (once per worker). */
export function createTfFacade(): Readonly<Namespace> {
  const ns = tfNamespace as unknown as Namespace;
  const facade: Namespace = {};
  for (const [key, value] of Object.entries(ns)) {
    if (typeof value === "function" && value.name.endsWith("__op")) facade[key] = value;
  }
  for (const key of [...ALLOWED_FUNCTIONS, ...ALLOWED_CLASSES]) {
    if (typeof ns[key] === "function") facade[key] = ns[key];
  }
  for (const key of ALLOWED_NAMESPACES) if (ns[key] !== undefined) facade[key] = copyNamespace(ns[key]);
  for (const key of ALLOWED_VALUES) if (ns[key] !== undefined) facade[key] = ns[key];
  return Object.freeze(facade);
}
