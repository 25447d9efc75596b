import { PCA } from "ml-pca";
import { describe, expect, it } from "vitest";
import { generatePca3d } from "./datasets/pca-3d";
import { covarianceMatrix, featureNormalize, pca, projectData, recoverData, symmetricEigen } from "./pca";

const X = generatePca3d().map((r) => r.slice(0, 3));
const { XNorm, mu, sigma } = featureNormalize(X);

describe("featureNormalize", () => {
  it("gives columns with mean 0 and sample standard deviation 1", () => {
    for (let j = 0; j < 3; j++) {
      const col = XNorm.map((r) => r[j]);
      expect(col.reduce((a, b) => a + b, 0) / col.length).toBeCloseTo(0, 12);
      expect(col.reduce((a, b) => a + b * b, 0) / (col.length - 1)).toBeCloseTo(1, 12);
    }
    expect(mu[1]).toBeGreaterThan(40);
    expect(sigma[2]).toBeLessThan(2);
  });
});

describe("pca", () => {
  const { U, S } = pca(XNorm);
  const reference = new PCA(X, { center: true, scale: true });

  it("finds the same principal components as ml-pca, up to sign", () => {
    const V = reference.getEigenvectors().to2DArray();
    for (let k = 0; k < 3; k++) {
      const cosine = [0, 1, 2].reduce((s, j) => s + U[j][k] * V[j][k], 0);
      expect(Math.abs(cosine)).toBeCloseTo(1, 8);
    }
  });

  it("explains the same share of variance as ml-pca (77.0%, 22.8%, 0.2%)", () => {
    const total = S.reduce((a, b) => a + b, 0);
    const ours = S.map((s) => s / total);
    reference.getExplainedVariance().forEach((share, k) => expect(ours[k]).toBeCloseTo(share, 8));
    expect(ours[0]).toBeCloseTo(0.7698, 3);
    expect(ours[0] + ours[1]).toBeGreaterThan(0.99);
  });

  it("has orthonormal components whose eigenvalues satisfy Sigma u = lambda u", () => {
    const Sigma = covarianceMatrix(XNorm);
    for (let k = 0; k < 3; k++) {
      const u = U.map((row) => row[k]);
      const Su = Sigma.map((row) => row.reduce((s, x, j) => s + x * u[j], 0));
      Su.forEach((v, j) => expect(v).toBeCloseTo(S[k] * u[j], 10));
      for (let l = 0; l < 3; l++) expect(u.reduce((s, x, j) => s + x * U[j][l], 0)).toBeCloseTo(k === l ? 1 : 0, 10);
    }
  });

  it("projects like ml-pca and recovers the data exactly with all components", () => {
    const Z = projectData(XNorm, U, 2);
    const theirs = reference.predict(X, { nComponents: 2 }).to2DArray();
    Z.forEach((z, i) => z.forEach((v, k) => expect(Math.abs(v)).toBeCloseTo(Math.abs(theirs[i][k]), 8)));
    const back = recoverData(projectData(XNorm, U, 3), U, 3);
    back.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(XNorm[i][j], 10)));
  });
});

describe("symmetricEigen", () => {
  it("recovers a known spectrum", () => {
    const c = Math.cos(0.4);
    const s = Math.sin(0.4);
    const Q = [
      [c, -s, 0],
      [s, c, 0],
      [0, 0, 1],
    ];
    const D = [5, 2, 1];
    const A = Q.map((qi) => Q.map((qj) => qi.reduce((acc, x, k) => acc + x * D[k] * qj[k], 0)));
    const { values } = symmetricEigen(A);
    values.forEach((v, k) => expect(v).toBeCloseTo(D[k], 10));
  });
});
