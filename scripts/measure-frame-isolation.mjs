/**
 * Measures whether Chromium runs an opaque-origin sandboxed iframe
 * (sandbox="allow-scripts") in its own renderer process, under COOP/COEP:
 * a busy loop and an out-of-memory allocation loop run (a) in a worker of the
 * page, (b) in the frame's document, (c) in a worker the frame starts from a
 * blob URL. For each: does the page's main thread keep ticking, does the page
 * survive, and what does the page see. Usage: node scripts/measure-frame-isolation.mjs
 */
import { createServer } from "node:http";
import { chromium } from "@playwright/test";

const HEADERS = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" };
const OOM = `const keep = []; for (;;) { const a = new Array(1e6); for (let i = 0; i < a.length; i++) a[i] = i + 0.5; keep.push(a); }`;
const BUSY = `const t = Date.now(); while (Date.now() - t < 3000) {}`;

const frameHtml = `<!doctype html><script>
const reply = (m) => parent.postMessage(m, "*");
onmessage = (e) => {
  const { where, code } = e.data;
  if (where === "load") {
    const tries = {};
    try { new Worker("/w.js", { type: "module" }); tries.worker = "ok"; } catch (err) { tries.worker = String(err).slice(0, 90); }
    import("/m.js").then(() => (tries.moduleImport = "ok"), (err) => (tries.moduleImport = String(err).slice(0, 90)))
      .then(() => fetch("/m.js").then(() => (tries.fetch = "ok"), (err) => (tries.fetch = String(err).slice(0, 90))))
      .then(() => reply({ kind: "loads", message: JSON.stringify({ ...tries, frameIsolated: self.crossOriginIsolated, frameOrigin: self.origin }) }));
    return;
  }
  reply({ kind: "info", origin: String(self.origin), isolated: self.crossOriginIsolated });
  if (where === "frame") { setTimeout(() => { new Function(code)(); reply({ kind: "done" }); }, 10); return; }
  try {
    const url = URL.createObjectURL(new Blob(["postMessage('started');" + code + ";postMessage('done')"], { type: "text/javascript" }));
    const w = new Worker(url);
    w.onmessage = (m) => reply({ kind: m.data });
    w.onerror = (err) => reply({ kind: "worker-error", message: err.message || "(no message)" });
  } catch (err) { reply({ kind: "spawn-error", message: String(err) }); }
};
setInterval(() => reply({ kind: "beat" }), 250);
</script>`;
const pageHtml = `<!doctype html><body><script>
window.log = []; window.ticks = 0; window.maxGap = 0; let last = performance.now();
setInterval(() => { const n = performance.now(); window.maxGap = Math.max(window.maxGap, n - last); last = n; window.ticks++; }, 20);
addEventListener("message", (e) => { if (e.data.kind === "beat") window.lastBeat = performance.now(); else window.log.push(e.data); });
window.startFrame = (where, code) => new Promise((resolve) => {
  const f = document.createElement("iframe");
  f.setAttribute("sandbox", "allow-scripts");
  if (window.FRAME_ALLOW) f.setAttribute("allow", window.FRAME_ALLOW);
  f.src = "/frame.html";
  f.onload = () => { f.contentWindow.postMessage({ where, code }, "*"); resolve(); };
  document.body.append(f);
  window.frame = f;
});
window.startWorker = (code) => {
  const url = URL.createObjectURL(new Blob(["postMessage('started');" + code + ";postMessage('done')"]));
  const w = new Worker(url);
  w.onmessage = (m) => window.log.push({ kind: m.data });
  w.onerror = (err) => window.log.push({ kind: "worker-error", message: err.message || "(no message)" });
};
</script>`;

const server = createServer((req, res) => {
  if (req.url === "/m.js" || req.url === "/w.js") {
    // CORS=1: the app's scripts readable from the frame's opaque origin ("null").
    const cors = process.env.CORS ? { "Access-Control-Allow-Origin": "*" } : {};
    res.writeHead(200, { ...HEADERS, ...cors, "Content-Type": "text/javascript" });
    return res.end("export const x = 1;");
  }
  const body = req.url === "/frame.html" ? frameHtml : pageHtml;
  res.writeHead(200, { ...HEADERS, "Content-Type": "text/html" });
  res.end(body);
}).listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });

async function trial(name, start) {
  const page = await (await browser.newContext()).newPage();
  let crashed = false;
  page.on("crash", () => (crashed = true));
  if (process.env.FRAME_ALLOW)
    await page.addInitScript((allow) => (window.FRAME_ALLOW = allow), process.env.FRAME_ALLOW);
  await page.goto(base);
  // Playwright marks the whole page crashed when any of its out-of-process frames crashes; a raw CDP session sees the truth.
  const cdp = await page.context().newCDPSession(page);
  const read = async (expression) => {
    const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", { expression, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  };
  const t0 = Date.now();
  await start(page);
  const deadline = Date.now() + Number(process.env.TRIAL_MS ?? 60_000);
  let state = null;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    state = await read(
      `({ log: window.log.map((l) => l.kind + (l.message ? ":" + l.message : "")), maxGap: Math.round(window.maxGap), ticks: window.ticks, sinceBeat: window.lastBeat ? Math.round(performance.now() - window.lastBeat) : null, isolated: crossOriginIsolated })`,
    ).catch((e) => ({ error: String(e).slice(0, 80) }));
    if (state.error || state.log.some((l) => /done|error|loads/.test(l)) || (state.sinceBeat ?? 0) > 3000) break;
  }
  const ticksBefore = await read("window.ticks").catch(() => null);
  await new Promise((r) => setTimeout(r, 1000));
  const ticksAfter = await read("window.ticks").catch(() => null);
  const alive = ticksBefore !== null && ticksAfter > ticksBefore;
  const playwrightSaysCrashed = crashed;
  console.log(
    JSON.stringify({
      name,
      seconds: Math.round((Date.now() - t0) / 100) / 10,
      playwrightSaysCrashed,
      pageAlive: alive,
      ...state,
    }),
  );
  await page
    .context()
    .close()
    .catch(() => undefined);
}

const which = (process.env.TRIALS ?? "frame-load,frame-busy,frame-oom,frame-worker-oom,page-worker-oom").split(",");
for (const name of which) {
  if (name === "frame-load") {
    await trial(name, (page) => page.evaluate(() => window.startFrame("load", "")));
    continue;
  }
  const [where, kind] = [
    name.startsWith("frame-worker") ? "worker" : name.startsWith("frame") ? "frame" : "page",
    name.endsWith("oom") ? OOM : BUSY,
  ];
  await trial(name, (page) =>
    where === "page"
      ? page.evaluate((c) => window.startWorker(c), kind)
      : page.evaluate(([w, c]) => window.startFrame(w, c), [where, kind]),
  );
}
await browser.close();
server.close();
