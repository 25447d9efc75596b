// `npm run bench`: the Benchmarks page's sweep, headless, against the
// production build (dist/): matMul n x n and one gradient-descent step m x 20
// over sizes on each tfjs backend and in plain JavaScript, driven through the
// page itself (its exported JSON). Where numpy is installed, the same
// workloads natively in the same run, and the tfjs/native throughput ratio.
// Prints a table and writes bench-results.json.
//
//   npm run build && npm run bench
import { writeFileSync } from "node:fs";
import { benchmarksPage, launchChromium, nativeMatMul, serveDist } from "./perf-support.mjs";

const server = await serveDist();
const browser = await launchChromium();
try {
  const { sweep, rows, details } = await benchmarksPage(browser, server.url);
  const shapes = [
    ...new Set(sweep.summaries.map((s) => (s.workload === "matmul" ? `${s.size}` : `gd:${s.size}x${s.cols}`))),
  ];
  const native = nativeMatMul(shapes);
  const nativeAt = (r) => native?.rows.find((n) => n.workload === r.workload && n.size === r.size && n.cols === r.cols);
  const table = rows.map((r) => ({
    ...r,
    ...(nativeAt(r) && r.implementation.startsWith("tfjs")
      ? { nativeGflops: nativeAt(r).gflops, ratioToNative: r.gflops / nativeAt(r).gflops }
      : {}),
  }));
  const autoAt = (r) => sweep.summaries.find((s) => s.workload === r.workload && s.size === r.size);
  console.log("workload | implementation | size | ms/op | GFLOP/s | fastest | Auto | native GFLOP/s | tfjs/native");
  for (const r of table) {
    const at = autoAt(r);
    console.log(
      [r.workload, r.implementation, r.workload === "matmul" ? r.size : `${r.size}x${r.cols}`]
        .concat([
          r.msPerOp.toFixed(3),
          r.gflops.toFixed(2),
          at?.winner ?? "-",
          at ? `${at.auto} (${at.autoSource})` : "-",
        ])
        .concat(r.nativeGflops !== undefined ? [r.nativeGflops.toFixed(2), r.ratioToNative.toFixed(3)] : ["-", "-"])
        .join(" | "),
    );
  }
  details.forEach((line) => console.log(line));
  console.log(
    native
      ? `native: numpy ${native.numpy} (${native.blas}), measured in this run`
      : "native: numpy is not installed (python3 -c 'import numpy' fails), so no tfjs/native ratio",
  );
  const json = { measuredAt: new Date().toISOString(), rows: table, summaries: sweep.summaries, details, native };
  writeFileSync("bench-results.json", JSON.stringify(json, null, 2));
  console.log("wrote bench-results.json");
} finally {
  await browser.close();
  await server.stop();
}
