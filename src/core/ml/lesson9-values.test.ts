/**
 * Guards the numbers lesson 9 (lessons/09-kmeans-and-pca.md) states: each
 * figure is read from the prose (stated-numbers.ts) and recomputed on the
 * shipped files: k-means with the reference (kmeans.ts) and, for the
 * converged clustering, with ml-kmeans; the variance explained with ml-pca
 * (independent of pca.ts).
 */
import { readFileSync } from "node:fs";
import { kmeans as mlKmeans } from "ml-kmeans";
import { PCA } from "ml-pca";
import { describe, expect, it } from "vitest";
import { parseNumericCsv, type NumericTable } from "./csv";
import { distortion, kMeansInitCentroids, runKMeans } from "./kmeans";
import { splitTrainTest } from "./split";
import { asStated, statedNumbers, values } from "./stated-numbers";

const lessonText = readFileSync(new URL("../../../lessons/09-kmeans-and-pca.md", import.meta.url), "utf8");
const load = (file: string) =>
  (parseNumericCsv(readFileSync(new URL(`../../../public/datasets/${file}`, import.meta.url), "utf8")) as NumericTable)
    .rows;
const blobs = load("kmeans-blobs-v1.csv");
const points = blobs.map((r) => r.slice(0, 2));
const pca3d = load("pca-3d-v1.csv");

describe("lesson 9, k-means on kmeans-blobs@1", () => {
  it("states 300 points around three centres and 150 points in 3-D", () => {
    const stated = statedNumbers(lessonText, "`kmeans-blobs@1` has", 3);
    const centres = new Set(blobs.map((r) => r[2])).size;
    expect(asStated([points.length, centres, pca3d.length], stated)).toEqual(values(stated));
  });

  it("states the good start (blobs in two rounds) and the bad one (above 3, more than four times worse)", () => {
    const good = runKMeans(
      points,
      [
        [3, 3],
        [6, 2],
        [1, 6],
      ],
      10,
    );
    const bad = runKMeans(
      points,
      [
        [3, 3],
        [6, 2],
        [8, 5],
      ],
      10,
    );
    const goodLosses = good.history.map((h) => h.loss);
    const rounds = goodLosses.findIndex((l) => l === goodLosses[goodLosses.length - 1]) + 1;
    const badFinal = bad.history[9].loss;
    // "finds the three blobs in two rounds ... the distortion stays above 3, more than four times worse"
    expect(lessonText).toContain("k-means finds the three blobs in two\nrounds");
    expect(rounds).toBe(2);
    const trap = statedNumbers(lessonText, "the distortion stays above", 1);
    expect(badFinal).toBeGreaterThan(trap[0].value);
    expect(lessonText).toContain("more than four times worse");
    expect(badFinal / goodLosses[9]).toBeGreaterThan(4);
    expect(bad.history.every((h) => h.loss > trap[0].value)).toBe(true);
    // ml-kmeans from the good start lands on the same clustering.
    const ref = mlKmeans(points, 3, {
      initialization: [
        [3, 3],
        [6, 2],
        [1, 6],
      ],
      maxIterations: 100,
    });
    expect(distortion(points, ref.centroids)).toBeCloseTo(goodLosses[9], 10);
  });

  it("states the experiment: six falling rounds to 0.673, held-out close, and 3.14 from seed 7", () => {
    const { train, test } = splitTrainTest(points, { test: 0.2, seed: 42 });
    const run = (seed: number) => runKMeans(train, kMeansInitCentroids(train, 3, seed), 10);
    const fromFour = run(4);
    const losses = fromFour.history.map((h) => h.loss);
    const falling = losses.filter((l, t) => t === 0 || l < losses[t - 1]).length;
    const stated = statedNumbers(lessonText, "From this start the distortion falls for", 1);
    expect(lessonText).toContain("falls for six rounds");
    expect(falling).toBe(6);
    expect(asStated([losses[9]], stated)).toEqual(values(stated));
    const heldOut = distortion(test, fromFour.centroids);
    expect(Math.abs(heldOut - losses[9]) / losses[9]).toBeLessThan(0.15);
    const trap = statedNumbers(lessonText, "With seed 7 instead of 4", 1);
    expect(asStated([run(7).history[9].loss], trap)).toEqual(values(trap));
    expect(lessonText).toContain("seed: 4\nparams: { K: 3, iterations: 10 }");
  });
});

describe("lesson 9, PCA on pca-3d@1", () => {
  const X = pca3d.map((r) => r.slice(0, 3));
  it("states the scales of x2 (around 50, varying by tens) and x3 (about one)", () => {
    const column = (j: number) => X.map((r) => r[j]);
    const sd = (v: number[]) => {
      const mean = v.reduce((s, t) => s + t, 0) / v.length;
      return { mean, sd: Math.sqrt(v.reduce((s, t) => s + (t - mean) ** 2, 0) / (v.length - 1)) };
    };
    const [x2, x3] = [sd(column(1)), sd(column(2))];
    expect(Math.round(x2.mean / 10) * 10).toBe(50);
    expect(x2.sd).toBeGreaterThan(10);
    expect(x2.sd).toBeLessThan(100);
    expect(Math.round(x3.sd)).toBe(1);
  });

  it("states 77% of the variance in the first component, more than 99.8% in two, 0.2% lost", () => {
    const explained = new PCA(X, { center: true, scale: true }).getExplainedVariance();
    const first = statedNumbers(lessonText, "The first component alone explains about", 2);
    expect(asStated([explained[0]], first.slice(0, 1))).toEqual([first[0].value]);
    expect(explained[0] + explained[1]).toBeGreaterThan(first[1].value / 100);
    const lost = statedNumbers(lessonText, "dropping the third component lost only", 1);
    expect(asStated([explained[2]], lost)).toEqual(values(lost));
  });
});
