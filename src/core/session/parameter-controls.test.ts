import { describe, expect, it } from "vitest";
import type { ParamControl } from "../lesson/types";
import {
  estimateRunMs,
  initialControlValues,
  iterationRatio,
  runMode,
  runParams,
  sliderPosition,
  snapToControl,
  valueAtSliderPosition,
  valueForSliderMove,
} from "./parameter-controls";

const alpha: ParamControl = { min: 0.001, max: 0.03, step: 0.001, scale: "log" };
const iterations: ParamControl = { min: 100, max: 3000, step: 100, scale: "linear" };
const spec = { params: { alpha: 0.01, iterations: 1500, seed: 3 }, controls: { alpha, iterations } };

describe("initialControlValues and runParams", () => {
  it("start from the spec's values of the controlled params", () => {
    expect(initialControlValues(spec)).toEqual({ alpha: 0.01, iterations: 1500 });
    expect(initialControlValues({ params: { alpha: 1 } })).toEqual({});
  });

  it("run with the spec's params, the controlled ones replaced", () => {
    expect(runParams(spec, { alpha: 0.02 })).toEqual({ alpha: 0.02, iterations: 1500, seed: 3 });
  });
});

describe("snapToControl", () => {
  it("snaps to the step grid from min without float noise", () => {
    expect(snapToControl(0.0104, alpha, 0.01)).toBe(0.01);
    expect(snapToControl(0.0176, alpha, 0.01)).toBe(0.018);
    expect(snapToControl(1234, iterations, 1500)).toBe(1200);
  });

  it("clamps to the range", () => {
    expect(snapToControl(5, alpha, 0.01)).toBe(0.03);
    expect(snapToControl(-1, iterations, 1500)).toBe(100);
  });

  it("never snaps past max when the range is not a whole number of steps", () => {
    expect(snapToControl(10, { min: 0, max: 10, step: 3, scale: "linear" }, 0)).toBe(9);
  });

  it("gives the fallback for a value that is not a number", () => {
    expect(snapToControl(Number.NaN, alpha, 0.01)).toBe(0.01);
  });
});

describe("log-scale slider positions", () => {
  it("map the ends of the range to 0 and 1000 and back", () => {
    expect(sliderPosition(0.001, alpha)).toBe(0);
    expect(sliderPosition(0.03, alpha)).toBe(1000);
    expect(valueAtSliderPosition(0, alpha)).toBe(0.001);
    expect(valueAtSliderPosition(1000, alpha)).toBe(0.03);
  });

  it("put the geometric middle of the range in the middle of the slider", () => {
    const wide: ParamControl = { min: 0.001, max: 1, step: 0.001, scale: "log" };
    expect(sliderPosition(0.032, wide)).toBe(502);
    expect(valueAtSliderPosition(500, wide)).toBe(0.032);
  });
});

describe("valueForSliderMove", () => {
  it("moves at least one step per slider move, so the arrow keys always change the value", () => {
    const from = sliderPosition(0.02, alpha);
    expect(valueForSliderMove(from + 1, 0.02, alpha)).toBe(0.021);
    expect(valueForSliderMove(from - 1, 0.02, alpha)).toBe(0.019);
    expect(valueForSliderMove(1000, 0.03, alpha)).toBe(0.03);
    expect(valueForSliderMove(0, 0.02, alpha)).toBe(0.001);
  });
});

describe("estimateRunMs", () => {
  const base = { specParams: spec.params, backend: "cpu" as const, estimates: { cpuSeconds: 2, wasmSeconds: 3 } };

  it("uses the last measured run on the same backend choice, scaled by the iteration ratio", () => {
    const measured = { params: { alpha: 0.01, iterations: 1500 }, ms: 400, backend: "cpu" as const };
    expect(estimateRunMs({ ...base, params: { alpha: 0.02, iterations: 1500 }, measured })).toEqual({
      ms: 400,
      source: "measured",
    });
    expect(estimateRunMs({ ...base, params: { alpha: 0.02, iterations: 3000 }, measured })?.ms).toBe(800);
  });

  it("falls back to the lesson's estimate for the backend when the measured run used another", () => {
    const measured = { params: spec.params, ms: 400, backend: "wasm" as const };
    expect(estimateRunMs({ ...base, params: spec.params, measured })).toEqual({ ms: 2000, source: "lesson" });
    expect(estimateRunMs({ ...base, backend: "wasm", params: { iterations: 750 } })?.ms).toBe(1500);
    expect(estimateRunMs({ ...base, backend: "auto", params: spec.params })?.ms).toBe(3000);
  });

  it("is null when nothing was measured and the lesson declares no time", () => {
    expect(estimateRunMs({ ...base, estimates: { memoryMiB: 10 }, params: spec.params })).toBeNull();
  });
});

describe("iterationRatio", () => {
  it("multiplies the ratios of iteration-like params and ignores the others", () => {
    expect(iterationRatio({ iterations: 300, epochs: 20, alpha: 9 }, { iterations: 100, epochs: 10, alpha: 1 })).toBe(
      6,
    );
    expect(iterationRatio({ lambda: 5 }, { lambda: 1 })).toBe(1);
  });
});

describe("runMode", () => {
  it("is live under one second and needs a click from one second or with no estimate", () => {
    expect(runMode({ ms: 999, source: "measured" })).toBe("live");
    expect(runMode({ ms: 1000, source: "lesson" })).toBe("click");
    expect(runMode(null)).toBe("click");
  });
});
