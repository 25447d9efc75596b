/**
 * Registers chained tensor methods (`x.matMul(y).sub(z)`) on tfjs-core's
 * Tensor class, as the full `@tensorflow/tfjs` bundle does. tfjs-core alone
 * leaves Tensor without them, and its own registration files cannot be
 * imported under Node (extensionless ESM imports), so each method here calls
 * the functional op of the same name with the tensor as its first argument.
 * Mutates the global Tensor prototype once; methods already there are kept.
 */
import * as core from "@tensorflow/tfjs-core";

/** Methods that are the functional op of the same name applied to `this`. */
const SAME_NAME_OPS = [
  "abs",
  "acos",
  "acosh",
  "add",
  "all",
  "any",
  "argMax",
  "argMin",
  "asin",
  "asinh",
  "atan",
  "atan2",
  "atanh",
  "avgPool",
  "batchToSpaceND",
  "batchNorm",
  "broadcastTo",
  "cast",
  "ceil",
  "clipByValue",
  "concat",
  "conv1d",
  "conv2d",
  "conv2dTranspose",
  "cos",
  "cosh",
  "cumprod",
  "cumsum",
  "depthToSpace",
  "depthwiseConv2d",
  "dilation2d",
  "div",
  "divNoNan",
  "dot",
  "elu",
  "equal",
  "erf",
  "euclideanNorm",
  "exp",
  "expandDims",
  "expm1",
  "fft",
  "floor",
  "floorDiv",
  "gather",
  "greater",
  "greaterEqual",
  "ifft",
  "irfft",
  "isFinite",
  "isInf",
  "isNaN",
  "leakyRelu",
  "less",
  "lessEqual",
  "localResponseNormalization",
  "log",
  "log1p",
  "logSigmoid",
  "logSoftmax",
  "logSumExp",
  "logicalAnd",
  "logicalNot",
  "logicalOr",
  "logicalXor",
  "matMul",
  "max",
  "maxPool",
  "maximum",
  "mean",
  "min",
  "minimum",
  "mirrorPad",
  "mod",
  "mul",
  "neg",
  "norm",
  "notEqual",
  "oneHot",
  "onesLike",
  "pad",
  "pool",
  "pow",
  "prelu",
  "prod",
  "reciprocal",
  "relu",
  "relu6",
  "reshape",
  "reverse",
  "rfft",
  "round",
  "rsqrt",
  "selu",
  "separableConv2d",
  "sigmoid",
  "sign",
  "sin",
  "sinh",
  "slice",
  "softmax",
  "softplus",
  "spaceToBatchND",
  "split",
  "sqrt",
  "square",
  "squaredDifference",
  "squeeze",
  "stack",
  "step",
  "stridedSlice",
  "sub",
  "sum",
  "tan",
  "tanh",
  "tile",
  "topk",
  "transpose",
  "unique",
  "unsortedSegmentSum",
  "unstack",
  "where",
  "zerosLike",
] as const;

type Method = (this: core.Tensor, ...args: unknown[]) => unknown;

/** Methods that reshape or cast `this` under another name. */
const RENAMED: Record<string, Method> = {
  flatten() {
    return core.reshape(this, [this.size]);
  },
  asScalar() {
    return core.reshape(this, []);
  },
  as1D() {
    return core.reshape(this, [this.size]);
  },
  as2D(...shape) {
    return core.reshape(this, shape as number[]);
  },
  as3D(...shape) {
    return core.reshape(this, shape as number[]);
  },
  as4D(...shape) {
    return core.reshape(this, shape as number[]);
  },
  as5D(...shape) {
    return core.reshape(this, shape as number[]);
  },
  asType(dtype) {
    return core.cast(this, dtype as core.DataType);
  },
  toBool() {
    return core.cast(this, "bool");
  },
  toFloat() {
    return core.cast(this, "float32");
  },
  toInt() {
    return core.cast(this, "int32");
  },
  reshapeAs(other) {
    return core.reshape(this, (other as core.Tensor).shape);
  },
};

/** Adds every chained method Tensor lacks. Idempotent. */
export function registerChainedOps(): void {
  const proto = core.Tensor.prototype as unknown as Record<string, Method>;
  const ops = core as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of SAME_NAME_OPS) {
    const op = ops[name];
    if (typeof proto[name] === "function" || typeof op !== "function") continue;
    proto[name] = function (this: core.Tensor, ...args: unknown[]) {
      this.throwIfDisposed();
      return op(this, ...args);
    };
  }
  for (const [name, method] of Object.entries(RENAMED)) if (typeof proto[name] !== "function") proto[name] = method;
}
