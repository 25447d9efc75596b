/**
 * The environment is reproducible: one Node version (.nvmrc) that satisfies
 * package.json's engines and Vite 8's minimum, exact dependency versions, and
 * a lock file that matches package.json so `npm ci` installs exactly it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
const pkg = JSON.parse(read("package.json")) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(read("package-lock.json")) as {
  lockfileVersion: number;
  packages: Record<
    string,
    { version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }
  >;
};

type Version = [number, number, number];
const parseVersion = (text: string): Version => {
  const match = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(text.trim());
  if (!match) throw new Error(`not an exact version: ${JSON.stringify(text)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
};
const atLeast = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

describe("the Node version", () => {
  const pinned = parseVersion(read(".nvmrc"));
  const minimum = parseVersion(/^>=\s*(\S+)$/.exec(pkg.engines.node)?.[1] ?? "");

  it(".nvmrc pins an exact version that satisfies engines.node", () => {
    expect(atLeast(pinned, minimum)).toBeGreaterThanOrEqual(0);
  });

  it("engines.node asks for at least Node 20.19, which Vite 8 needs", () => {
    expect(atLeast(minimum, [20, 19, 0])).toBeGreaterThanOrEqual(0);
  });
});

describe("dependencies", () => {
  const all = { ...pkg.dependencies, ...pkg.devDependencies };

  it("are exact versions, no ranges or tags", () => {
    const loose = Object.entries(all).filter(([, version]) => !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version));
    expect(loose).toEqual([]);
  });

  it("match the lock file, so `npm ci` installs exactly these", () => {
    const root = lock.packages[""];
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
    const locked = Object.keys(all).map((name) => [name, lock.packages[`node_modules/${name}`]?.version]);
    expect(locked).toEqual(Object.entries(all));
  });
});
