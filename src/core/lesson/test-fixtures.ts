import { expect } from "vitest";
import type { Diagnostic, ParseResult } from "./types";

/**
 * Lesson texts and helpers shared by the parser tests (test-only code).
 * `'''` stands for a ``` fence so the texts can live in template literals;
 * `lessonText` swaps them back.
 */

/** Replaces `'''` by ``` (three backticks). */
export function lessonText(source: string): string {
  return source.replaceAll("'''", "```");
}

/** 1-based line of the first line of `text` that starts with `prefix`; throws if none (a broken test). */
export function lineOf(text: string, prefix: string): number {
  const index = text.split("\n").findIndex((l) => l.startsWith(prefix));
  if (index < 0) throw new Error(`test text has no line starting with ${JSON.stringify(prefix)}`);
  return index + 1;
}

/** Front matter used by most tests (8 lines, so the body starts on line 9). */
export const FRONT_MATTER = `---
format: 1
id: test-lesson
title: Test lesson
order: 3
summary: A lesson for tests.
datasets: [city-profits@1]
---`;

/** A lesson from `FRONT_MATTER` and a body (with `'''` fences). */
export function withBody(body: string): string {
  return lessonText(`${FRONT_MATTER}\n${body}`);
}

/** A minimal exercise with a solution and a check, so other rules can be tested in isolation. */
export const MINIMAL_EXERCISE = `
'''ts exercise id=ex
export const x = 0;
'''

'''ts solution for=ex
export const x = 1;
'''

'''ts check for=ex
check("x", x, 1);
'''
`;

/** A complete lesson using every cell kind; parses with no diagnostics. */
export const GOOD_LESSON = lessonText(`---
format: 1
id: linear-regression-one-variable
title: Linear regression with one variable
order: 1
summary: Fit a line to city populations and profits by gradient descent.
datasets: [city-profits@1]
estimates: { cpuSeconds: 2, wasmSeconds: 2, memoryMiB: 20 }
timeLimitMs: 8000
---

# Linear regression

We model profit as $h_\\theta(x) = \\theta_0 + \\theta_1 x$ and minimise

$$J(\\theta) = \\frac{1}{2m} \\sum_i (h_\\theta(x^{(i)}) - y^{(i)})^2$$

An ordinary example, not a cell:

'''ts
const example = 1;
'''

'''ts setup id=data
import { dataset, la } from "lesson";
const d = dataset("city-profits@1");
export const X = la.addOnes(d.X);
export const y = d.y;
'''

## Cost

'''ts exercise id=computeCost title="Compute the cost J(θ)"
export function computeCost(X: number[][], y: number[], theta: number[]): number {
  return 0;
}
'''

'''ts solution for=computeCost
import { la } from "lesson";
export function computeCost(X: number[][], y: number[], theta: number[]): number {
  const r = la.matVec(X, theta).map((h, i) => h - y[i]);
  return la.dot(r, r) / (2 * y.length);
}
'''

'''ts check for=computeCost
check("cost at theta = [0, 0]", computeCost(X, y, [0, 0]), 47.9666, { tol: 1e-4 });
'''

'''ts check for=computeCost hidden
check("cost at theta = [-1, 2]", computeCost(X, y, [-1, 2]), 61.0527, { tol: 1e-4 });
'''

~~~~md hint for=computeCost tier=2
Use the vector of residuals:

'''ts
const r = la.matVec(X, theta).map((h, i) => h - y[i]);
'''
~~~~

'''md hint for=computeCost tier=1
$J$ is half the mean of the squared errors.
'''

## Gradient descent

'''ts exercise id=gradientDescent
export function gradientDescent(X: number[][], y: number[], theta: number[], alpha: number, iterations: number) {
  return { theta, history: [] as { step: number; loss: number }[] };
}
'''

'''ts solution for=gradientDescent
export function gradientDescent(X: number[][], y: number[], theta: number[], alpha: number, iterations: number) {
  return { theta, history: [] };
}
'''

'''ts check for=gradientDescent
checkThat("returns theta", Array.isArray(gradientDescent(X, y, [0, 0], 0.01, 1).theta));
'''

'''ts tfjs id=gdReference
export async function gradientDescent(tf, X, y, theta, alpha, iterations) {
  return { theta, history: [] };
}
'''

'''yaml experiment id=gdVsTf
title: Your gradient descent vs TensorFlow.js
task: linear-regression
dataset: city-profits@1
split: { test: 0.2, seed: 42 }
seed: 7
init: zeros
params: { alpha: 0.01, iterations: 1500 }
learner: gradientDescent
reference: gdReference
'''

That is all.
`);

/** 1-based line of the last line of `text` that starts with `prefix`; throws if none. */
export function lastLineOf(text: string, prefix: string): number {
  const lines = text.split("\n");
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i].startsWith(prefix)) return i + 1;
  throw new Error(`test text has no line starting with ${JSON.stringify(prefix)}`);
}

/** The one diagnostic whose message matches `pattern`; fails the test if there is not exactly one. */
export function diag(result: ParseResult, pattern: RegExp): Diagnostic {
  const found = result.diagnostics.filter((d) => pattern.test(d.message));
  expect(found, `diagnostics: ${JSON.stringify(result.diagnostics, null, 1)}`).toHaveLength(1);
  return found[0];
}
