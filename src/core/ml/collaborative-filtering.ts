/**
 * Reference float64 math of collaborative filtering (low-rank matrix
 * factorisation). Shapes: Y and R are nm x nu (items x users); R[i][j] = 1
 * when user j rated item i (then Y[i][j] is the rating; otherwise Y[i][j] is
 * ignored). X is nm x k (item features), Theta is nu x k (user
 * preferences); the prediction for (i, j) is X[i] . Theta[j]. No function
 * here mutates its arguments.
 */
import { columnCount, dot, type Matrix } from "./linalg";

/** The regularized cost and its gradients (same shapes as X and Theta). */
export interface CofiCost {
  cost: number;
  XGrad: number[][];
  ThetaGrad: number[][];
}

function checkShapes(X: Matrix, Theta: Matrix, Y: Matrix, R: Matrix): void {
  const k = columnCount(X);
  if (columnCount(Theta) !== k) throw new RangeError(`cofi: X has ${k} features but Theta has ${columnCount(Theta)}`);
  if (Y.length !== X.length || R.length !== X.length)
    throw new RangeError(`cofi: X has ${X.length} items, Y ${Y.length}, R ${R.length}`);
  if (columnCount(Y) !== Theta.length || columnCount(R) !== Theta.length) {
    throw new RangeError(`cofi: Theta has ${Theta.length} users, Y ${columnCount(Y)} columns, R ${columnCount(R)}`);
  }
}

/**
 * J = 1/2 sum_{R=1} (X_i . Theta_j - Y_ij)^2 + lambda/2 (||X||^2 + ||Theta||^2),
 * dJ/dX_i = sum_{j: R=1} e_ij Theta_j + lambda X_i, dJ/dTheta_j = sum_{i: R=1} e_ij X_i + lambda Theta_j,
 * with e_ij = X_i . Theta_j - Y_ij. The sums are not averaged (the classic course's convention).
 */
export function cofiCostFunction(X: Matrix, Theta: Matrix, Y: Matrix, R: Matrix, lambda: number): CofiCost {
  checkShapes(X, Theta, Y, R);
  let cost = 0;
  const XGrad = X.map((row) => row.map((x) => lambda * x));
  const ThetaGrad = Theta.map((row) => row.map((t) => lambda * t));
  for (let i = 0; i < X.length; i++) {
    for (let j = 0; j < Theta.length; j++) {
      if (R[i][j] !== 1) continue;
      const e = dot(X[i], Theta[j]) - Y[i][j];
      cost += (e * e) / 2;
      for (let f = 0; f < X[i].length; f++) {
        XGrad[i][f] += e * Theta[j][f];
        ThetaGrad[j][f] += e * X[i][f];
      }
    }
  }
  const squares = (A: Matrix) => A.reduce((s, row) => s + dot(row, row), 0);
  cost += (lambda / 2) * (squares(X) + squares(Theta));
  return { cost, XGrad, ThetaGrad };
}

/** Result of `cofiGradientDescent`: theta is [X, Theta]; history[i] is the cost after step i + 1. */
export interface CofiFit {
  X: number[][];
  Theta: number[][];
  history: { step: number; loss: number }[];
}

/** Batch gradient descent on X and Theta together (both updated from the same old values), `iterations` steps. */
export function cofiGradientDescent(
  Y: Matrix,
  R: Matrix,
  X0: Matrix,
  Theta0: Matrix,
  lambda: number,
  alpha: number,
  iterations: number,
): CofiFit {
  let X = X0.map((row) => row.slice());
  let Theta = Theta0.map((row) => row.slice());
  const history: { step: number; loss: number }[] = [];
  for (let step = 1; step <= iterations; step++) {
    const { XGrad, ThetaGrad } = cofiCostFunction(X, Theta, Y, R, lambda);
    X = X.map((row, i) => row.map((x, f) => x - alpha * XGrad[i][f]));
    Theta = Theta.map((row, j) => row.map((t, f) => t - alpha * ThetaGrad[j][f]));
    history.push({ step, loss: cofiCostFunction(X, Theta, Y, R, lambda).cost });
  }
  return { X, Theta, history };
}

/** Per-item mean of the rated entries (0 for an item nobody rated) and Y minus that mean where rated (0 elsewhere). */
export function normalizeRatings(Y: Matrix, R: Matrix): { Ynorm: number[][]; mu: number[] } {
  const mu = Y.map((row, i) => {
    let s = 0;
    let c = 0;
    row.forEach((y, j) => {
      if (R[i][j] === 1) {
        s += y;
        c++;
      }
    });
    return c === 0 ? 0 : s / c;
  });
  return { Ynorm: Y.map((row, i) => row.map((y, j) => (R[i][j] === 1 ? y - mu[i] : 0))), mu };
}

/** Root-mean-square error of predictions X_i . Theta_j + mu_i on (item, user, rating) triples (NaN for none). */
export function ratingRmse(
  X: Matrix,
  Theta: Matrix,
  mu: readonly number[],
  triples: readonly (readonly number[])[],
): number {
  if (triples.length === 0) return Number.NaN;
  const sq = triples.reduce((s, [i, j, r]) => s + (dot(X[i], Theta[j]) + mu[i] - r) ** 2, 0);
  return Math.sqrt(sq / triples.length);
}
