/**
 * Every dataset made by a seeded generator, with the CSV text it must produce.
 * One table for the script that writes public/datasets/ and for the test that
 * guards each shipped file's bytes and registered checksum.
 */
import { cityProfitsCsv, generateCityProfits } from "./city-profits";
import { correlatedFeaturesCsv, generateCorrelatedFeatures } from "./correlated-features";
import { DAM_OUTFLOW_V2_SPLIT_SEED, damOutflowCsv, generateDamOutflow } from "./dam-outflow";
import { examAdmissionsCsv, generateExamAdmissions } from "./exam-admissions";
import { generateHousePrices, housePricesCsv } from "./house-prices";
import { generateItemRatings, itemRatingsCsv } from "./item-ratings";
import { generateKmeansBlobs, kmeansBlobsCsv } from "./kmeans-blobs";
import { generateMicrochipQa, microchipQaCsv } from "./microchip-qa";
import { generatePca3d, pca3dCsv } from "./pca-3d";
import { generateServerMetrics, serverMetricsCsv } from "./server-metrics";
import { generateSvmNonlinear, svmNonlinearCsv } from "./svm-nonlinear";
import { generateSvmOutlier, svmOutlierCsv } from "./svm-outlier";

export interface GeneratedDataset {
  id: string;
  version: number;
  /** The exact CSV text of the shipped file (deterministic: the generator's default seed). */
  csv(): string;
}

export const GENERATED_DATASETS: readonly GeneratedDataset[] = [
  { id: "city-profits", version: 1, csv: () => cityProfitsCsv(generateCityProfits()) },
  { id: "house-prices", version: 1, csv: () => housePricesCsv(generateHousePrices()) },
  { id: "exam-admissions", version: 1, csv: () => examAdmissionsCsv(generateExamAdmissions()) },
  { id: "microchip-qa", version: 1, csv: () => microchipQaCsv(generateMicrochipQa()) },
  { id: "server-metrics", version: 1, csv: () => serverMetricsCsv(generateServerMetrics()) },
  { id: "item-ratings", version: 1, csv: () => itemRatingsCsv(generateItemRatings()) },
  { id: "correlated-features", version: 1, csv: () => correlatedFeaturesCsv(generateCorrelatedFeatures()) },
  { id: "kmeans-blobs", version: 1, csv: () => kmeansBlobsCsv(generateKmeansBlobs()) },
  { id: "pca-3d", version: 1, csv: () => pca3dCsv(generatePca3d()) },
  { id: "svm-outlier", version: 1, csv: () => svmOutlierCsv(generateSvmOutlier()) },
  { id: "svm-nonlinear", version: 1, csv: () => svmNonlinearCsv(generateSvmNonlinear()) },
  { id: "dam-outflow", version: 1, csv: () => damOutflowCsv(generateDamOutflow()) },
  {
    id: "dam-outflow",
    version: 2,
    csv: () => damOutflowCsv(generateDamOutflow(514, DAM_OUTFLOW_V2_SPLIT_SEED)),
  },
];
