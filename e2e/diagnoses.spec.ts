import { expect, LESSON_1, test } from "./support/fixtures";

/** Mistaken variants typed as a learner would (one line each); the lessons' diagnoses recognise them. */
const COST_OVER_M =
  "export function computeCost(X: number[][], y: number[], theta: number[]): number { let s = 0; for (let i = 0; i < y.length; i++) { const e = X[i][0] * theta[0] + X[i][1] * theta[1] - y[i]; s += e * e; } return s / y.length; }";
const MIRRORED_SIGMOID = "export function sigmoid(z: number): number { return 1 / (1 + Math.exp(z)); }";
const SGD_UPHILL =
  "export function sgdStep(params: number[], grads: number[], state: any, hp: { learningRate: number }) { return { params: params.map((p, i) => p + hp.learningRate * grads[i]), state }; }";

test.describe("diagnoses name the mistake", () => {
  test("a cost divided by m, not 2m: the message, and visible and hidden checks counted apart", async ({
    lessonPage,
  }) => {
    await lessonPage.open(LESSON_1);
    await lessonPage.typeCode("computeCost", COST_OVER_M);
    await lessonPage.runChecks("computeCost");
    const verdict = lessonPage.verdict("computeCost");
    await expect(verdict).toContainText("0 of 2 visible checks passed; 1 of 1 hidden check failed");
    await expect(verdict.getByRole("list", { name: "What went wrong" })).toContainText(
      "Your cost is exactly twice the expected value",
    );
    const hidden = verdict.getByRole("listitem").filter({ hasText: "(hidden check)" });
    await expect(hidden).toContainText("a hidden check does not show its expected value");
    await expect(hidden).not.toContainText("expected 0.");
    await expect(hidden).not.toContainText("differs by");
  });

  test("a mirrored sigmoid", async ({ lessonPage }) => {
    await lessonPage.open("logistic-regression");
    await lessonPage.typeCode("sigmoid", MIRRORED_SIGMOID);
    await lessonPage.runChecks("sigmoid");
    await expect(lessonPage.verdict("sigmoid").getByRole("list", { name: "What went wrong" })).toContainText(
      "Your sigmoid is mirrored",
    );
  });

  test("a gradient step that goes uphill", async ({ lessonPage }) => {
    await lessonPage.open("optimization");
    await lessonPage.typeCode("sgdStep", SGD_UPHILL);
    await lessonPage.runChecks("sgdStep");
    await expect(lessonPage.verdict("sgdStep").getByRole("list", { name: "What went wrong" })).toContainText(
      "Your step goes uphill",
    );
  });

  test("a function that returns nothing gets a sentence, and no diagnosis fires", async ({ lessonPage }) => {
    await lessonPage.open(LESSON_1);
    await lessonPage.typeCode(
      "computeCost",
      "export function computeCost(X: number[][], y: number[], theta: number[]): any { const J = 1; }",
    );
    await lessonPage.runChecks("computeCost");
    const verdict = lessonPage.verdict("computeCost");
    await expect(verdict).toContainText("The result is undefined: does your function `return` its value");
    await expect(verdict.getByRole("list", { name: "What went wrong" })).toHaveCount(0);
  });
});
