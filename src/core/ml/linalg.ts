/**
 * Tiny float64 linear algebra on plain arrays: vectors are `number[]`,
 * matrices are row-major `number[][]` (one inner array per row). None of
 * these functions mutate their arguments; each returns fresh arrays.
 * Shape mismatches throw a RangeError naming the shapes.
 */

/** A read-only vector of length n. */
export type Vector = readonly number[];
/** A read-only m x n matrix: m rows of n numbers each. */
export type Matrix = readonly (readonly number[])[];

/** A vector of n zeros, or with two arguments an m x n matrix of zeros. */
export function zeros(n: number): number[];
export function zeros(rows: number, cols: number): number[][];
export function zeros(a: number, b?: number): number[] | number[][] {
  checkSize(a);
  if (b === undefined) return new Array<number>(a).fill(0);
  checkSize(b);
  return Array.from({ length: a }, () => new Array<number>(b).fill(0));
}

function checkSize(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`size must be a non-negative integer, got ${String(n)}`);
}

/** Number of columns of a matrix, checking that every row has the same length (0 for no rows). */
export function columnCount(A: Matrix): number {
  const n = A.length === 0 ? 0 : A[0].length;
  A.forEach((row, i) => {
    if (row.length !== n) throw new RangeError(`ragged matrix: row 0 has ${n} entries, row ${i} has ${row.length}`);
  });
  return n;
}

/** Dot product sum_i a_i * b_i of two vectors of the same length (0 for empty vectors). */
export function dot(a: Vector, b: Vector): number {
  if (a.length !== b.length) throw new RangeError(`dot: lengths ${a.length} and ${b.length} differ`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Matrix-vector product A v: A is m x n, v has length n, the result has length m. */
export function matVec(A: Matrix, v: Vector): number[] {
  const n = columnCount(A);
  if (A.length > 0 && n !== v.length) {
    throw new RangeError(`matVec: matrix is ${A.length}x${n} but vector has length ${v.length}`);
  }
  return A.map((row) => dot(row, v));
}

/** Transpose: an m x n matrix becomes n x m (an empty matrix stays empty). */
export function transpose(A: Matrix): number[][] {
  const n = columnCount(A);
  return Array.from({ length: n }, (_, j) => A.map((row) => row[j]));
}

/**
 * Prepends a column of ones (the intercept feature x_0 = 1): an m x n
 * matrix becomes m x (n + 1). A vector of m numbers is read as an m x 1
 * matrix (one feature), giving m x 2.
 */
export function addOnes(X: Matrix | Vector): number[][] {
  return X.map((row: number | readonly number[]) => (typeof row === "number" ? [1, row] : [1, ...row]));
}

/** Sum of the entries of a vector (0 when empty). */
export function sum(v: Vector): number {
  let s = 0;
  for (const x of v) s += x;
  return s;
}

/** Arithmetic mean of a vector (NaN when empty). */
export function mean(v: Vector): number {
  return v.length === 0 ? Number.NaN : sum(v) / v.length;
}

/**
 * Largest |a_i - b_i| over two vectors, or two matrices, of the same shape
 * (0 when empty). Used to compare implementations, e.g. float32 tfjs
 * parameters against the float64 reference. NaN if any difference is NaN.
 */
export function maxAbsDiff(a: Vector | Matrix, b: Vector | Matrix): number {
  if (a.length !== b.length) throw new RangeError(`maxAbsDiff: lengths ${a.length} and ${b.length} differ`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (typeof x === "number" && typeof y === "number") worst = Math.max(worst, Math.abs(x - y));
    else if (typeof x !== "number" && typeof y !== "number") worst = Math.max(worst, maxAbsDiff(x, y));
    else throw new RangeError(`maxAbsDiff: entry ${i} is a number in one argument and a row in the other`);
  }
  return worst;
}

/**
 * Solves the square system A x = b (A is n x n, b has length n) by Gaussian
 * elimination with partial pivoting, in float64. Works on copies. Throws a
 * RangeError when A is singular or nearly so (a pivot below 1e-12 times the
 * largest entry of A).
 */
export function solve(A: Matrix, b: Vector): number[] {
  const n = A.length;
  if (columnCount(A) !== n && n > 0) throw new RangeError(`solve: matrix is ${n}x${A[0].length}, not square`);
  if (b.length !== n) throw new RangeError(`solve: matrix is ${n}x${n} but right-hand side has length ${b.length}`);
  const M = A.map((row, i) => [...row, b[i]]);
  const scale = Math.max(0, ...A.map((row) => Math.max(0, ...row.map(Math.abs))));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(M[r][col]) > Math.abs(M[pivot][col])) pivot = r;
    if (!(Math.abs(M[pivot][col]) > 1e-12 * scale)) throw new RangeError("solve: matrix is singular");
    [M[col], M[pivot]] = [M[pivot], M[col]];
    for (let r = col + 1; r < n; r++) {
      const f = M[r][col] / M[col][col];
      for (let c = col; c <= n; c++) M[r][c] -= f * M[col][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let c = r + 1; c < n; c++) s -= M[r][c] * x[c];
    x[r] = s / M[r][r];
  }
  return x;
}
