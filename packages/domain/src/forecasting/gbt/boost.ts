/**
 * Gradient-boosted trees with a log link and Tweedie deviance (docs/forecasting.md, "Catalogue-wide
 * model"): LightGBM-style histogram GBDT (Ke et al. 2017, NeurIPS) with Newton leaf values (Chen &
 * Guestrin 2016, KDD), the loss of LightGBM's `objective=tweedie` (Zhou, Yang & Qian 2022, "Tweedie
 * gradient boosting for extremely unbalanced zero-inflated data", CSSC 51(9)), the objective of most
 * top M5 entries (Makridakis, Spiliotis & Assimakopoulos 2022, IJF 38(4)). Deterministic: rows are
 * bagged with the seeded PRNG.
 */
import { mulberry32 } from '../../demo/prng';
import { binColumns, type Cuts } from './bins';
import { binnedTreeValue, growTree, treeValue, type Tree, type TreeOptions } from './tree';

export interface GbtOptions extends TreeOptions {
  /** @default 60 */
  readonly trees?: number;
  /** Shrinkage of every tree. @default 0.1 */
  readonly learningRate?: number;
  /** Tweedie power p ∈ (1, 2): 1 is Poisson, 2 gamma. @default 1.2 */
  readonly tweediePower?: number;
  /** Share of rows each tree is grown on (bagging). @default 0.5 */
  readonly rowSample?: number;
  /** Bins per feature besides the missing bin (≤ 255). @default 63 */
  readonly maxBins?: number;
  /** @default 1 */
  readonly seed?: number;
}

export interface GbtTrainingSet {
  /** One column per feature, one value per row (NaN = missing). */
  readonly columns: readonly Float64Array[];
  /** Non-negative targets. */
  readonly target: Float64Array;
  /** Log-scale starting point per row (an offset: the model learns a correction to it). */
  readonly baseMargin: Float64Array;
}

export interface GbtModel {
  readonly trees: readonly Tree[];
  readonly learningRate: number;
  readonly cuts: readonly Cuts[];
}

/**
 * Tweedie deviance of mean exp(F) at y, up to terms in y alone:
 * −y·e^{(1−p)F}/(1−p) + e^{(2−p)F}/(2−p). Its gradient and hessian in F drive the boosting.
 */
export function tweedieLoss(y: number, margin: number, p: number): number {
  return (-y * Math.exp((1 - p) * margin)) / (1 - p) + Math.exp((2 - p) * margin) / (2 - p);
}

function assertSet(set: GbtTrainingSet, p: number): void {
  const n = set.target.length;
  if (set.baseMargin.length !== n || set.columns.some((c) => c.length !== n))
    throw new RangeError('every column, the target and the base margin must have one value per row');
  if (!(p > 1 && p < 2)) throw new RangeError('tweediePower must be in (1, 2)');
  for (let i = 0; i < n; i++) {
    if (!(set.target[i]! >= 0) || !Number.isFinite(set.baseMargin[i]!))
      throw new RangeError('targets must be ≥ 0 and base margins finite');
  }
}

/**
 * Fits `trees` trees to minimise the mean Tweedie deviance of exp(baseMargin + Σ trees).
 *
 * @example
 * const model = fitGbt({ columns, target, baseMargin }, { trees: 60, tweediePower: 1.2 });
 * const mean = Math.exp(baseMargin + gbtMargin(model, x));
 */
export function fitGbt(set: GbtTrainingSet, options: GbtOptions = {}): GbtModel {
  const p = options.tweediePower ?? 1.2;
  assertSet(set, p);
  const n = set.target.length;
  const rate = options.learningRate ?? 0.1;
  const { bins, cuts } = binColumns(set.columns, {
    maxBins: Math.min(255, options.maxBins ?? 63),
    seed: options.seed ?? 1,
  });
  const margin = set.baseMargin.slice();
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const random = mulberry32(options.seed ?? 1);
  const share = options.rowSample ?? 0.5;
  const trees: Tree[] = [];
  const rows = new Int32Array(n);
  for (let k = 0; k < (options.trees ?? 60); k++) {
    let count = 0;
    for (let i = 0; i < n; i++) {
      const a = Math.exp((1 - p) * margin[i]!);
      const b = Math.exp((2 - p) * margin[i]!);
      grad[i] = -set.target[i]! * a + b;
      hess[i] = -(1 - p) * set.target[i]! * a + (2 - p) * b;
      if (share >= 1 || random() < share) rows[count++] = i;
    }
    const tree = growTree({ bins, cuts, grad, hess }, rows.subarray(0, count), options);
    trees.push(tree);
    for (let i = 0; i < n; i++) margin[i] = margin[i]! + rate * binnedTreeValue(tree, bins, i);
  }
  return { trees, learningRate: rate, cuts };
}

/** The model's correction to the base margin for one row of features (NaN = missing). */
export function gbtMargin(model: GbtModel, x: ArrayLike<number>): number {
  let sum = 0;
  for (const tree of model.trees) sum += treeValue(tree, x);
  return sum * model.learningRate;
}
