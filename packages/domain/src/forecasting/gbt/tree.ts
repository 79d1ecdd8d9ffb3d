/**
 * One regression tree of a histogram GBDT (Ke et al. 2017, "LightGBM", NeurIPS; Chen & Guestrin 2016,
 * "XGBoost", KDD): grown depth-first on binned features from gradients and hessians, each split the
 * one with the largest second-order gain G²/(H + λ); a child's histogram is the parent's minus its
 * sibling's (the smaller child is the one counted). docs/forecasting.md, "Catalogue-wide model".
 */
import type { Cuts } from './bins';

export interface TreeOptions {
  /** @default 6 */
  readonly maxDepth?: number;
  /** Fewest rows in a leaf. @default 50 */
  readonly minLeafRows?: number;
  /** Fewest summed hessian in a leaf. @default 1e-3 */
  readonly minLeafHessian?: number;
  /** L2 penalty on leaf values. @default 1 */
  readonly lambda?: number;
  /** Leaf values are clipped to ±maxDeltaStep (LightGBM's guard for log-link losses). @default 0.7 */
  readonly maxDeltaStep?: number;
}

/** A fitted tree in flat arrays: node k is a leaf when feature[k] < 0. */
export interface Tree {
  readonly feature: Int32Array;
  /** Go left when x ≤ threshold or x is NaN. */
  readonly threshold: Float64Array;
  /** The same split on binned features: left when bin ≤ splitBin. */
  readonly splitBin: Uint8Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
}

export interface TreeData {
  readonly bins: readonly Uint8Array[];
  readonly cuts: readonly Cuts[];
  readonly grad: Float64Array;
  readonly hess: Float64Array;
}

interface Split {
  readonly gain: number;
  readonly feature: number;
  readonly bin: number;
}

/** Node builder state: flat node lists, the rows being partitioned, the histogram width. */
interface Grower {
  readonly data: TreeData;
  readonly rows: Int32Array;
  readonly width: number;
  readonly opts: Required<TreeOptions>;
  readonly nodes: {
    feature: number;
    threshold: number;
    bin: number;
    left: number;
    right: number;
    value: number;
  }[];
}

/** Histogram of rows[lo, hi): per feature and bin, [Σg, Σh, count]. */
function histogram(g: Grower, lo: number, hi: number): Float64Array {
  const { bins, grad, hess } = g.data;
  const hist = new Float64Array(bins.length * g.width * 3);
  for (let f = 0; f < bins.length; f++) {
    const col = bins[f]!;
    const base = f * g.width * 3;
    for (let r = lo; r < hi; r++) {
      const row = g.rows[r]!;
      const k = base + col[row]! * 3;
      hist[k] = hist[k]! + grad[row]!;
      hist[k + 1] = hist[k + 1]! + hess[row]!;
      hist[k + 2] = hist[k + 2]! + 1;
    }
  }
  return hist;
}

function bestSplit(g: Grower, hist: Float64Array, total: { g: number; h: number; n: number }): Split | null {
  const { lambda, minLeafRows, minLeafHessian } = g.opts;
  const parent = (total.g * total.g) / (total.h + lambda);
  let best: Split | null = null;
  for (let f = 0; f < g.data.bins.length; f++) {
    const base = f * g.width * 3;
    const last = g.data.cuts[f]!.length + 1;
    let gl = 0;
    let hl = 0;
    let nl = 0;
    for (let b = 0; b < last; b++) {
      gl += hist[base + b * 3]!;
      hl += hist[base + b * 3 + 1]!;
      nl += hist[base + b * 3 + 2]!;
      const nr = total.n - nl;
      const hr = total.h - hl;
      if (nl < minLeafRows || hl < minLeafHessian) continue;
      if (nr < minLeafRows || hr < minLeafHessian) break;
      const gr = total.g - gl;
      const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
      if (gain > 1e-9 && (best === null || gain > best.gain)) best = { gain, feature: f, bin: b };
    }
  }
  return best;
}

function totals(g: Grower, hist: Float64Array): { g: number; h: number; n: number } {
  let sg = 0;
  let sh = 0;
  let n = 0;
  // Feature 0's bins hold every row once.
  for (let b = 0; b < g.width; b++) {
    sg += hist[b * 3]!;
    sh += hist[b * 3 + 1]!;
    n += hist[b * 3 + 2]!;
  }
  return { g: sg, h: sh, n };
}

/** Moves rows going left to the front of [lo, hi); returns the first right row. */
function partition(g: Grower, lo: number, hi: number, split: Split): number {
  const col = g.data.bins[split.feature]!;
  let i = lo;
  let j = hi - 1;
  while (i <= j) {
    if (col[g.rows[i]!]! <= split.bin) i++;
    else {
      const t = g.rows[i]!;
      g.rows[i] = g.rows[j]!;
      g.rows[j] = t;
      j--;
    }
  }
  return i;
}

function grow(g: Grower, node: { lo: number; hi: number; depth: number; hist: Float64Array }): number {
  const id = g.nodes.length;
  const total = totals(g, node.hist);
  const leafValue = Math.max(
    -g.opts.maxDeltaStep,
    Math.min(g.opts.maxDeltaStep, -total.g / (total.h + g.opts.lambda)),
  );
  g.nodes.push({ feature: -1, threshold: 0, bin: 0, left: -1, right: -1, value: leafValue });
  const split = node.depth < g.opts.maxDepth ? bestSplit(g, node.hist, total) : null;
  if (split === null) return id;
  const mid = partition(g, node.lo, node.hi, split);
  const leftSmaller = mid - node.lo <= node.hi - mid;
  const small = leftSmaller ? histogram(g, node.lo, mid) : histogram(g, mid, node.hi);
  const large = node.hist;
  for (let k = 0; k < large.length; k++) large[k] = large[k]! - small[k]!;
  const [lh, rh] = leftSmaller ? [small, large] : [large, small];
  const cuts = g.data.cuts[split.feature]!;
  const self = g.nodes[id]!;
  self.feature = split.feature;
  self.threshold = split.bin === 0 ? -Infinity : cuts[split.bin - 1]!;
  self.bin = split.bin;
  self.left = grow(g, { lo: node.lo, hi: mid, depth: node.depth + 1, hist: lh });
  self.right = grow(g, { lo: mid, hi: node.hi, depth: node.depth + 1, hist: rh });
  return id;
}

/**
 * Grows one tree on `rows` (row indices into the columns; reordered in place). Leaf values are the
 * Newton step −G/(H + λ), clipped to ±maxDeltaStep.
 */
export function growTree(data: TreeData, rows: Int32Array, options: TreeOptions = {}): Tree {
  const opts: Required<TreeOptions> = {
    maxDepth: options.maxDepth ?? 6,
    minLeafRows: options.minLeafRows ?? 50,
    minLeafHessian: options.minLeafHessian ?? 1e-3,
    lambda: options.lambda ?? 1,
    maxDeltaStep: options.maxDeltaStep ?? 0.7,
  };
  const width = Math.max(2, ...data.cuts.map((c) => c.length + 2));
  const g: Grower = { data, rows, width, opts, nodes: [] };
  grow(g, { lo: 0, hi: rows.length, depth: 0, hist: histogram(g, 0, rows.length) });
  return {
    feature: Int32Array.from(g.nodes, (n) => n.feature),
    threshold: Float64Array.from(g.nodes, (n) => n.threshold),
    splitBin: Uint8Array.from(g.nodes, (n) => n.bin),
    left: Int32Array.from(g.nodes, (n) => n.left),
    right: Int32Array.from(g.nodes, (n) => n.right),
    value: Float64Array.from(g.nodes, (n) => n.value),
  };
}

/** The leaf value of `x` (one value per feature, NaN = missing). */
export function treeValue(tree: Tree, x: ArrayLike<number>): number {
  let k = 0;
  while (tree.feature[k]! >= 0) {
    const v = x[tree.feature[k]!]!;
    k = Number.isNaN(v) || v <= tree.threshold[k]! ? tree.left[k]! : tree.right[k]!;
  }
  return tree.value[k]!;
}

/** The leaf value of row `row` of binned columns (as in training). */
export function binnedTreeValue(tree: Tree, bins: readonly Uint8Array[], row: number): number {
  let k = 0;
  while (tree.feature[k]! >= 0) {
    k = bins[tree.feature[k]!]![row]! <= tree.splitBin[k]! ? tree.left[k]! : tree.right[k]!;
  }
  return tree.value[k]!;
}
