/**
 * Writes the generated datasets into public/datasets/ and prints each file's
 * SHA-256 (the value the registry in src/core/ml/datasets-registry.ts must hold).
 *
 * Node 20 cannot run TypeScript itself (no --experimental-strip-types), so run
 * it through Vite's module runner, from the repository root:
 *
 *   node --input-type=module -e "await (await import('vite')).runnerImport('./scripts/generate-datasets.ts', { configFile: false, logLevel: 'error' })"
 *
 * Output is deterministic: running it again rewrites byte-identical files.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cityProfitsCsv, generateCityProfits } from "../src/core/ml/datasets/city-profits";
import { generateHousePrices, housePricesCsv } from "../src/core/ml/datasets/house-prices";
import { examAdmissionsCsv, generateExamAdmissions } from "../src/core/ml/datasets/exam-admissions";
import { generateMicrochipQa, microchipQaCsv } from "../src/core/ml/datasets/microchip-qa";
import { generateServerMetrics, serverMetricsCsv } from "../src/core/ml/datasets/server-metrics";
import { generateItemRatings, itemRatingsCsv } from "../src/core/ml/datasets/item-ratings";
import { correlatedFeaturesCsv, generateCorrelatedFeatures } from "../src/core/ml/datasets/correlated-features";
import { generateKmeansBlobs, kmeansBlobsCsv } from "../src/core/ml/datasets/kmeans-blobs";
import { generatePca3d, pca3dCsv } from "../src/core/ml/datasets/pca-3d";
import { digitsWeightsCsv, trainDigitsWeights } from "../src/core/ml/datasets/digits-nn-weights";
import { generateSvmOutlier, svmOutlierCsv } from "../src/core/ml/datasets/svm-outlier";
import { generateSvmNonlinear, svmNonlinearCsv } from "../src/core/ml/datasets/svm-nonlinear";
import { damOutflowCsv, generateDamOutflow } from "../src/core/ml/datasets/dam-outflow";
import { DATASETS } from "../src/core/ml/datasets-registry";
import { sha256Hex } from "../src/core/ml/sha256";

const outDir = fileURLToPath(new URL("../public/datasets/", import.meta.url));

const generated: { id: string; version: number; file: string; text: string }[] = [
  { id: "city-profits", version: 1, file: "city-profits-v1.csv", text: cityProfitsCsv(generateCityProfits()) },
  { id: "house-prices", version: 1, file: "house-prices-v1.csv", text: housePricesCsv(generateHousePrices()) },
  { id: "exam-admissions", version: 1, file: "exam-admissions-v1.csv", text: examAdmissionsCsv(generateExamAdmissions()) },
  { id: "microchip-qa", version: 1, file: "microchip-qa-v1.csv", text: microchipQaCsv(generateMicrochipQa()) },
  { id: "server-metrics", version: 1, file: "server-metrics-v1.csv", text: serverMetricsCsv(generateServerMetrics()) },
  { id: "item-ratings", version: 1, file: "item-ratings-v1.csv", text: itemRatingsCsv(generateItemRatings()) },
  { id: "correlated-features", version: 1, file: "correlated-features-v1.csv", text: correlatedFeaturesCsv(generateCorrelatedFeatures()) },
  { id: "kmeans-blobs", version: 1, file: "kmeans-blobs-v1.csv", text: kmeansBlobsCsv(generateKmeansBlobs()) },
  { id: "pca-3d", version: 1, file: "pca-3d-v1.csv", text: pca3dCsv(generatePca3d()) },
  { id: "svm-outlier", version: 1, file: "svm-outlier-v1.csv", text: svmOutlierCsv(generateSvmOutlier()) },
  { id: "svm-nonlinear", version: 1, file: "svm-nonlinear-v1.csv", text: svmNonlinearCsv(generateSvmNonlinear()) },
  { id: "dam-outflow", version: 1, file: "dam-outflow-v1.csv", text: damOutflowCsv(generateDamOutflow()) },
];

// Lesson 5's network weights, trained (~15 s) on the shipped public file digits-8x8-v1.csv (not generated; see its data card).
const digitRows = readFileSync(outDir + "digits-8x8-v1.csv", "utf8").trim().split("\n").slice(1).map((line) => line.split(",").map(Number));
generated.push({ id: "digits-nn-weights", version: 1, file: "digits-nn-weights-v1.csv", text: digitsWeightsCsv(trainDigitsWeights(digitRows)) });

mkdirSync(outDir, { recursive: true });
for (const { id, version, file, text } of generated) {
  const path = outDir + file;
  const before = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  writeFileSync(path, text);
  const sha256 = await sha256Hex(text);
  const registered = DATASETS.find((d) => d.id === id && d.version === version)?.sha256;
  const status = before === undefined ? "new" : before === text ? "unchanged" : "CHANGED";
  console.log(`${id}@${version}  ${path}  ${status}\n  sha256 ${sha256}`);
  if (registered !== sha256) console.log(`  registry has ${registered ?? "no entry"}: update datasets-registry.ts and the data card`);
}
