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
import { DATASETS } from "../src/core/ml/datasets-registry";
import { sha256Hex } from "../src/core/ml/sha256";

const outDir = fileURLToPath(new URL("../public/datasets/", import.meta.url));

const generated: { id: string; version: number; file: string; text: string }[] = [
  { id: "city-profits", version: 1, file: "city-profits-v1.csv", text: cityProfitsCsv(generateCityProfits()) },
];

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
