/**
 * The build says which app it is: the footer shows the version from
 * package.json and the git commit it was built from, and every saved run
 * carries both in its environment (checked through the Runs page's JSON export).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, LESSON_1, test } from "./support/fixtures";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

/** True when `hash` names a commit of this repository; null when git cannot tell (e.g. an unpacked tarball). */
function isCommitOfThisRepo(hash: string): boolean | null {
  try {
    execFileSync("git", ["rev-parse", "--git-dir"], { stdio: "ignore" });
  } catch {
    return null;
  }
  try {
    execFileSync("git", ["cat-file", "-e", `${hash}^{commit}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

test("the footer shows the app version and commit, and a saved run records both", async ({ lessonPage, page }) => {
  await page.goto("/");
  const footer = page.locator("footer");
  await expect(footer).toContainText(`Version ${pkg.version} (`);
  const commit = /Version \S+ \(([^)]+)\)/.exec((await footer.textContent()) ?? "")?.[1] ?? "";
  expect(commit).toMatch(/^[0-9a-f]{7,40}$/);
  expect(isCommitOfThisRepo(commit), `commit ${commit} in the footer`).not.toBe(false);

  await lessonPage.open(LESSON_1, "cpu");
  await lessonPage.showSolution("computeCost");
  await lessonPage.showSolution("gradientDescent");
  await lessonPage.runExperiment("fit");
  await expect(lessonPage.experiment("fit")).toContainText("Saved as run");

  await page.getByRole("link", { name: "Runs" }).click();
  await expect(page.getByRole("table", { name: "Runs" }).getByRole("row")).toHaveCount(2);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export runs (JSON)" }).click(),
  ]);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8")) as {
    appVersion: string;
    runs: { environment: { appVersion: string; appCommit: string } }[];
  };
  expect(exported.appVersion).toBe(pkg.version);
  expect(exported.runs).toHaveLength(1);
  expect(exported.runs[0].environment).toMatchObject({ appVersion: pkg.version, appCommit: commit });
});
