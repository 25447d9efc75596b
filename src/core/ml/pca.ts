/**
 * Principal component analysis in float64, the reference for lesson 9:
 * feature normalization, the covariance matrix, eigenvectors by power
 * iteration with deflation, projection and reconstruction. Matrices are
 * row-major `number[][]`; none of these functions mutate their arguments.
 */
import { columnCount, dot, matVec, type Matrix } from "./linalg";

/** Normalized features and the statistics used: XNorm[i][j] = (X[i][j] - mu[j]) / sigma[j]. */
export interface NormalizedFeatures {
  XNorm: number[][];
  /** Column means. */
  mu: number[];
  /** Column standard deviations with the m - 1 (sample) denominator; 1 for a constant column. */
  sigma: number[];
}

/** Centres each column on its mean and divides it by its sample standard deviation. */
export function featureNormalize(X: Matrix): NormalizedFeatures {
  const m = X.length;
  const n = columnCount(X);
  const mu = Array.from({ length: n }, (_, j) => X.reduce((s, row) => s + row[j], 0) / m);
  const sigma = mu.map((mean, j) => {
    const variance = X.reduce((s, row) => s + (row[j] - mean) ** 2, 0) / (m - 1);
    return variance > 0 ? Math.sqrt(variance) : 1;
  });
  return { XNorm: X.map((row) => row.map((x, j) => (x - mu[j]) / sigma[j])), mu, sigma };
}

/** Sigma = X^T X / m for an m x n matrix X (n x n, symmetric). X should already be centred. */
export function covarianceMatrix(X: Matrix): number[][] {
  const m = X.length;
  const n = columnCount(X);
  return Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) => X.reduce((s, row) => s + row[a] * row[b], 0) / m),
  );
}

/**
 * The eigenvalues (descending) and unit eigenvectors of a symmetric positive
 * semi-definite n x n matrix, by power iteration with deflation: repeat
 * v <- A v / |A v| `iterations` times from a fixed start, take
 * lambda = v^T A v, then remove that component (A <- A - lambda v v^T) and
 * find the next. Each eigenvector's sign is chosen so that its largest
 * entry (in absolute value, first one on ties) is positive.
 * Converges when the eigenvalues are distinct (at rate lambda_{k+1} / lambda_k).
 */
export function symmetricEigen(A: Matrix, iterations = 1000): { values: number[]; vectors: number[][] } {
  const n = columnCount(A);
  let M = A.map((row) => row.slice());
  const values: number[] = [];
  const vectors: number[][] = [];
  for (let k = 0; k < n; k++) {
    let v = Array.from({ length: n }, (_, j) => 1 + j / n);
    for (let t = 0; t < iterations; t++) {
      const w = matVec(M, v);
      const norm = Math.sqrt(dot(w, w));
      if (norm === 0) break;
      v = w.map((x) => x / norm);
    }
    const norm = Math.sqrt(dot(v, v));
    v = v.map((x) => x / norm);
    const lambda = dot(v, matVec(M, v));
    const big = v.reduce((best, x, j) => (Math.abs(x) > Math.abs(v[best]) + 1e-12 ? j : best), 0);
    if (v[big] < 0) v = v.map((x) => -x);
    values.push(lambda);
    vectors.push(v);
    M = M.map((row, a) => row.map((x, b) => x - lambda * v[a] * v[b]));
  }
  return { values, vectors };
}

/**
 * PCA of already-normalized data X (m x n): U is n x n with the principal
 * components as its COLUMNS (U[j][k] = entry j of component k), S the
 * variance along each (the covariance matrix's eigenvalues, descending).
 */
export function pca(X: Matrix, iterations = 1000): { U: number[][]; S: number[] } {
  const { values, vectors } = symmetricEigen(covarianceMatrix(X), iterations);
  const n = values.length;
  return { U: Array.from({ length: n }, (_, j) => vectors.map((v) => v[j])), S: values };
}

/** Z = X U_reduce: each row's coordinates along the first K components (m x K). */
export function projectData(X: Matrix, U: Matrix, K: number): number[][] {
  return X.map((x) => Array.from({ length: K }, (_, k) => x.reduce((s, xj, j) => s + xj * U[j][k], 0)));
}

/** X_approx = Z U_reduce^T: back from K coordinates to n (m x n), in normalized units. */
export function recoverData(Z: Matrix, U: Matrix, K: number): number[][] {
  return Z.map((z) => U.map((row) => z.slice(0, K).reduce((s, zk, k) => s + zk * row[k], 0)));
}
