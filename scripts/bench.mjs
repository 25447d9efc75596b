// `npm run bench`: the Benchmarks page's sweeps, headless, against the
// production build (dist/): matMul over sizes on each tfjs backend and in
// plain JavaScript; where numpy is installed, native sgemm in the same run and
// the tfjs/native throughput ratio. Prints a table and writes bench-results.json.
//
//   npm run build && npm run bench
import { writeFileSync } from "node:fs";
import { benchmarksPage, launchChromium, nativeMatMul, serveDist } from "./perf-support.mjs";

const SIZES = [128, 256, 512];
const server = await serveDist();
const browser = await launchChromium();
try {
  const { rows, details } = await benchmarksPage(browser, server.url);
  const native = nativeMatMul(SIZES);
  const nativeAt = (n) => native?.rows.find((r) => r.size === n);
  const table = rows.map((r) => ({
    ...r,
    ...(nativeAt(r.size) && r.implementation.startsWith("tfjs")
      ? { nativeGflops: nativeAt(r.size).gflops, ratioToNative: r.gflops / nativeAt(r.size).gflops }
      : {}),
  }));
  console.log("asked | implementation | n | ms/op | GFLOP/s | native GFLOP/s | tfjs/native");
  for (const r of table)
    console.log(
      [r.asked, r.implementation, r.size, r.msPerOp.toFixed(2), r.gflops.toFixed(2)]
        .concat(r.nativeGflops !== undefined ? [r.nativeGflops.toFixed(2), r.ratioToNative.toFixed(3)] : ["-", "-"])
        .join(" | "),
    );
  details.forEach((line) => console.log(line));
  console.log(native ? `native: numpy ${native.numpy} (${native.blas})` : "native: numpy is not installed, no ratio");
  const json = { measuredAt: new Date().toISOString(), rows: table, details, native };
  writeFileSync("bench-results.json", JSON.stringify(json, null, 2));
  console.log("wrote bench-results.json");
} finally {
  await browser.close();
  await server.stop();
}
