import { describe, expect, it } from "vitest";
import { cpuTfNamespace as tf } from "./cpu-namespace";

describe("chained ops on the namespace references receive", () => {
  it("runs the guide's chained style: Xt.matMul(t).sub(yt).square().sum()", async () => {
    await tf.setBackend("cpu");
    const Xt = tf.tensor2d([
      [1, 2],
      [1, 3],
    ]);
    const t = tf.tensor2d([1, 1], [2, 1]);
    const yt = tf.tensor2d([3, 3], [2, 1]);
    // Typed as a plain object: tfjs-core's own types leave the chained methods out too.
    type Chained = { [op: string]: (...args: unknown[]) => Chained } & {
      data(): Promise<Float32Array>;
      shape: number[];
    };
    const X = Xt as unknown as Chained;
    const cost = X.matMul(t).sub(yt).square().sum().div(4);
    expect(await cost.data()).toEqual(new Float32Array([0.25]));
    expect(X.transpose().shape).toEqual([2, 2]);
    tf.dispose([Xt, t, yt, cost as unknown as typeof Xt]);
  });
});
