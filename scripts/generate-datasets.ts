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
import { digitsWeightsCsv, trainDigitsWeights } from "../src/core/ml/datasets/digits-nn-weights";
import { GENERATED_DATASETS } from "../src/core/ml/datasets/generated-datasets";
import { DATASETS } from "../src/core/ml/datasets-registry";
import { sha256Hex } from "../src/core/ml/sha256";

const outDir = fileURLToPath(new URL("../public/datasets/", import.meta.url));

const generated: { id: string; version: number; file: string; text: string }[] = GENERATED_DATASETS.map(
  ({ id, version, csv }) => ({
    id,
    version,
    file: DATASETS.find((d) => d.id === id && d.version === version)?.file ?? `${id}-v${version}.csv`,
    text: csv(),
  }),
);

// Lesson 5's network weights, trained (~15 s) on the shipped public file digits-8x8-v1.csv (not generated; see its data card).
const digitRows = readFileSync(outDir + "digits-8x8-v1.csv", "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(",").map(Number));
generated.push({
  id: "digits-nn-weights",
  version: 1,
  file: "digits-nn-weights-v1.csv",
  text: digitsWeightsCsv(trainDigitsWeights(digitRows)),
});

mkdirSync(outDir, { recursive: true });
for (const { id, version, file, text } of generated) {
  const path = outDir + file;
  const before = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  writeFileSync(path, text);
  const sha256 = await sha256Hex(text);
  const registered = DATASETS.find((d) => d.id === id && d.version === version)?.sha256;
  const status = before === undefined ? "new" : before === text ? "unchanged" : "CHANGED";
  console.log(`${id}@${version}  ${path}  ${status}\n  sha256 ${sha256}`);
  if (registered !== sha256)
    console.log(`  registry has ${registered ?? "no entry"}: update datasets-registry.ts and the data card`);
}
