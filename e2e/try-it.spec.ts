import { expect, LESSON_1, test } from "./support/fixtures";

test("try it: the learner compares their function with the hidden reference on arguments they type", async ({
  lessonPage,
  page,
}) => {
  await lessonPage.open(LESSON_1);
  const box = page.getByRole("region", { name: "Try it computeCost" });
  await box.getByRole("textbox", { name: "Arguments for computeCost" }).fill("X, y, [0, 0]");
  await box.getByRole("button", { name: "Compare with the reference" }).click();
  const result = box.getByRole("status");
  await expect(result).toContainText("Different from the reference.", { timeout: 30_000 });
  await expect(result).toContainText("the reference: 47.96");

  await lessonPage.showSolution("computeCost");
  await box.getByRole("button", { name: "Compare with the reference" }).click();
  await expect(result).toContainText("Same as the reference.", { timeout: 30_000 });

  await box.getByRole("textbox", { name: "Arguments for computeCost" }).fill("X, y, [0, ");
  await box.getByRole("button", { name: "Compare with the reference" }).click();
  await expect(result).not.toContainText("Same as the reference.", { timeout: 30_000 });
});
