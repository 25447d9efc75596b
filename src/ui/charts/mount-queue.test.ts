import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { queueMount } from "./mount-queue";

describe("queueMount", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.runAllTimers();
    vi.useRealTimers();
  });

  it("mounts charts one per task, in the order they were queued", () => {
    const mounted: number[] = [];
    for (const id of [1, 2, 3]) queueMount(() => mounted.push(id));
    expect(mounted).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(mounted).toEqual([1]);
    vi.advanceTimersByTime(16);
    expect(mounted).toEqual([1, 2]);
    vi.advanceTimersByTime(16);
    expect(mounted).toEqual([1, 2, 3]);
  });

  it("never mounts a chart that was taken back (its output was cleared before its turn)", () => {
    const mounted: string[] = [];
    queueMount(() => mounted.push("kept"));
    const takeBack = queueMount(() => mounted.push("cleared"));
    takeBack();
    vi.runAllTimers();
    expect(mounted).toEqual(["kept"]);
    queueMount(() => mounted.push("later"));
    vi.runAllTimers();
    expect(mounted).toEqual(["kept", "later"]);
  });
});
