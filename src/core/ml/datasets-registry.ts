/**
 * The datasets shipped in `public/datasets/`, by id and version. Lessons
 * refer to them as `id@version` (e.g. `city-profits@1`).
 *
 * DO NOT CHANGE A SHIPPED ENTRY: stored runs record the dataset id, version
 * and sha256 they used. Changed data is a new version with a new file.
 */
import type { DatasetEntry } from "./dataset-types";

/** Every shipped dataset version. `file` is relative to `public/datasets/`; its data card is the same name with `.md`. */
export const DATASETS: readonly DatasetEntry[] = [
  {
    id: "city-profits",
    version: 1,
    file: "city-profits-v1.csv",
    sha256: "cdbddf9ffc2a24befcfe933160b7c54bbb58c2389751c6a135e5629393367bf0",
    rows: 97,
    columns: ["population", "profit"],
    description:
      "Synthetic food-truck profit (in $10,000s) against city population (in 10,000s), 97 cities, seeded (lesson 1).",
  },
  {
    id: "house-prices",
    version: 1,
    file: "house-prices-v1.csv",
    sha256: "f5d64a328acfa0663bbf8c359b9151f43b9d7a25c2d1f485db0adf664ebedb8e",
    rows: 60,
    columns: ["size_sqft", "bedrooms", "price"],
    description:
      "Synthetic house prices (dollars) against floor area (sq ft) and bedrooms, 60 houses, seeded (lesson 2).",
  },
  {
    id: "exam-admissions",
    version: 1,
    file: "exam-admissions-v1.csv",
    sha256: "6adf9c4435f2413daf3bd2ab99f5219b23892d3dd92590bfa904dfc86093468c",
    rows: 100,
    columns: ["exam1", "exam2", "admitted"],
    description: "Synthetic admissions (0/1) against two exam scores (30-100), 100 applicants, seeded (lesson 3).",
  },
  {
    id: "microchip-qa",
    version: 1,
    file: "microchip-qa-v1.csv",
    sha256: "9d1e2d45e34c3b664ead6b87b71be4cdbf15719254bbbeb910199120babfbac4",
    rows: 118,
    columns: ["test1", "test2", "accepted"],
    description:
      "Synthetic microchip QA (accepted 0/1) against two test results, a non-linear class boundary, 118 chips, seeded (lesson 4).",
  },
  {
    id: "server-metrics",
    version: 1,
    file: "server-metrics-v1.csv",
    sha256: "7a729864fe1d5625083badca978abfe4fd8ac44d87b572427a9a3ca7b90c770f",
    rows: 600,
    columns: ["latency_ms", "throughput_mbps", "validation", "anomaly"],
    description:
      "Synthetic server latency and throughput, 300 training + 300 labelled validation rows, about 3% anomalies, seeded (lesson 10).",
  },
  {
    id: "item-ratings",
    version: 1,
    file: "item-ratings-v1.csv",
    sha256: "a59d8f28376a464d8b20622560bad38d9b3583d91e2b664870ca3efd8218ba39",
    rows: 634,
    columns: ["item", "user", "rating"],
    description:
      "Synthetic 1-5 star ratings of 40 invented items by 30 invented users from a hidden rank-3 model, seeded (lesson 10).",
  },
  {
    id: "correlated-features",
    version: 1,
    file: "correlated-features-v1.csv",
    sha256: "e2ee7a49fd311b6b085c1c0c66ad81a529d0ffba8f2c793665004c5550acfc4b",
    rows: 200,
    columns: ["x1", "x2", "label"],
    description:
      "Synthetic binary labels over two strongly correlated features (a badly conditioned logistic loss), seeded (lesson 11).",
  },
  {
    id: "kmeans-blobs",
    version: 1,
    file: "kmeans-blobs-v1.csv",
    sha256: "b112bf0a089d7919d82b355f69f8d345ee5307e9abe7fb9add04f794dc283fcb",
    rows: 300,
    columns: ["x1", "x2", "blob"],
    description:
      "Synthetic 2-D points around three centres, with the generating blob (0-2) last, seeded (lesson 9, k-means).",
  },
  {
    id: "pca-3d",
    version: 1,
    file: "pca-3d-v1.csv",
    sha256: "f9b0448f689649f388bbef6186957fad1ec1f8ebfd99da882673231cfb2a8426",
    rows: 150,
    columns: ["x1", "x2", "x3", "group"],
    description:
      "Synthetic 3-D points near a tilted plane, features on different scales, group (0-2) last, seeded (lesson 9, PCA).",
  },
  {
    id: "digits-8x8",
    version: 1,
    file: "digits-8x8-v1.csv",
    sha256: "ba6ee5aa91a99912e5e4e601339a3d45bb1c136a5df153daf68d7a8e45a04ce5",
    rows: 1797,
    columns: [...Array.from({ length: 64 }, (_, i) => `p${i}`), "digit"],
    description:
      "UCI optical handwritten digits, 8x8 pixels (0-16, row by row) and the digit (0-9) last; CC BY 4.0 (lessons 5 and 6).",
  },
  {
    id: "digits-nn-weights",
    version: 1,
    file: "digits-nn-weights-v1.csv",
    sha256: "ccc4727874fbeb0f5d2358f9e120fb4362079015751f70168417ae2f93d5f260",
    rows: 1885,
    columns: ["layer", "row", "col", "weight"],
    description:
      "Weights of a 64-25-10 sigmoid network trained (seeded) on digits-8x8@1's training split, one weight per row (lesson 5).",
  },
  {
    id: "svm-outlier",
    version: 1,
    file: "svm-outlier-v1.csv",
    sha256: "8f41510a72240810ac8bf0b32cd38cfc501fc1895d842994e65e881b6f5623c7",
    rows: 51,
    columns: ["x1", "x2", "label"],
    description:
      "Synthetic 2-D two-class points separated by a wide empty margin, plus one positive outlier, seeded (lesson 8, linear SVM).",
  },
  {
    id: "svm-nonlinear",
    version: 1,
    file: "svm-nonlinear-v1.csv",
    sha256: "8e0d779ddaee1a7c242422654815b92ca0fddc26ed90fa40b3c99b046f9d8733",
    rows: 250,
    columns: ["x1", "x2", "label"],
    description:
      "Synthetic 2-D two-class points split by a wavy curve, 6% labels flipped, seeded (lesson 8, kernel SVM).",
  },
  {
    id: "dam-outflow",
    version: 1,
    file: "dam-outflow-v1.csv",
    sha256: "d1723f805c9842176f25c4d5acbad0b27b4824b15d5f9003006c1cbd52e3d415",
    rows: 54,
    columns: ["part", "level_change", "outflow"],
    description:
      "Synthetic dam outflow against change of water level, curving upwards, 54 rows with a fixed 12/21/21 train/validation/test split in `part`, seeded (lesson 7).",
  },
  {
    id: "dam-outflow",
    version: 2,
    file: "dam-outflow-v2.csv",
    sha256: "0f32fd196daa7183adee3522bf1ae9e15ace2471c3feebf5aa4035b93b9f5e24",
    rows: 54,
    columns: ["part", "level_change", "outflow"],
    description:
      "Version 1's 54 days with another fixed 12/21/21 split in `part`, on which the validation choice of lambda also holds on test (lesson 7).",
  },
];

/** The registry entry for `id` at `version`, or undefined if none is shipped. */
export function findDataset(id: string, version: number): DatasetEntry | undefined {
  return DATASETS.find((d) => d.id === id && d.version === version);
}

/**
 * Parses a dataset reference `id@version` (id: lower-case letters, digits
 * and dashes, starting with a letter; version: a positive integer without
 * leading zeros). Returns null for anything else. Does not check that the
 * dataset exists (see `findDataset`).
 */
export function parseDatasetRef(ref: string): { id: string; version: number } | null {
  const match = /^([a-z][a-z0-9-]*)@([1-9]\d*)$/.exec(ref.trim());
  if (!match) return null;
  const version = Number(match[2]);
  return Number.isSafeInteger(version) ? { id: match[1], version } : null;
}
