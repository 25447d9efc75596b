import { describe, expect, it } from "vitest";
import { describeStorage, formatBytes } from "./storage-summary";

describe("formatBytes", () => {
  it("uses decimal units with one decimal below ten", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(950)).toBe("950 B");
    expect(formatBytes(1_000)).toBe("1 kB");
    expect(formatBytes(3_200_000)).toBe("3.2 MB");
    expect(formatBytes(15_640_000)).toBe("16 MB");
    expect(formatBytes(10e9)).toBe("10 GB");
    expect(formatBytes(9_960_000)).toBe("10 MB");
  });

  it("says unknown for values a broken estimate could give", () => {
    expect(formatBytes(Number.NaN)).toBe("unknown");
    expect(formatBytes(-1)).toBe("unknown");
  });
});

describe("describeStorage", () => {
  it("reads usage of quota, persistence and offline readiness", () => {
    expect(describeStorage({ usage: 3_200_000, quota: 10e9, persisted: true, offlineReady: true })).toBe(
      "Storage: 3.2 MB of 10 GB used · persistent · offline copy ready",
    );
  });

  it("warns when the browser may evict the data", () => {
    expect(describeStorage({ usage: 0, quota: 1e9, persisted: false })).toBe(
      "Storage: 0 B of 1 GB used · not persistent (the browser may clear it when space runs low)",
    );
  });

  it("copes with a browser without the Storage API", () => {
    expect(describeStorage({})).toBe("Storage: size unknown");
  });
});
