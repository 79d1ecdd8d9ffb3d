import { describe, expect, it } from 'vitest';
import { binOf, featureCuts } from './bins';
import { fitGbt, gbtMargin, tweedieLoss, type GbtModel } from './boost';
import { growTree, treeValue } from './tree';
import { binColumns } from './bins';
import { knuthPoisson, lcgUniform } from '../../../test/support/random';

/** Poisson draws with a mean that depends on x0 (a step) and x1 (a weekday-like shape); x2 is noise. */
function countData(rows: number, seed: number) {
  const u = lcgUniform(seed);
  const x0 = new Float64Array(rows);
  const x1 = new Float64Array(rows);
  const x2 = new Float64Array(rows);
  const target = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    x0[i] = Math.floor(u() * 10);
    x1[i] = i % 7;
    x2[i] = u() < 0.1 ? NaN : u();
    const mu = (x0[i]! < 5 ? 0.5 : 3) * (x1[i] === 5 ? 2 : 1);
    target[i] = knuthPoisson(u, mu);
  }
  return { columns: [x0, x1, x2], target, baseMargin: new Float64Array(rows) };
}

function meanLoss(model: GbtModel, set: ReturnType<typeof countData>, trees: number): number {
  const partial = { ...model, trees: model.trees.slice(0, trees) };
  let sum = 0;
  for (let i = 0; i < set.target.length; i++) {
    const x = set.columns.map((c) => c[i]!);
    sum += tweedieLoss(set.target[i]!, set.baseMargin[i]! + gbtMargin(partial, x), 1.2);
  }
  return sum / set.target.length;
}

describe('bins', () => {
  it('puts NaN in bin 0 and cuts between distinct values when they are few', () => {
    const cuts = featureCuts(Float64Array.from([3, 1, 2, 2, NaN, 1]));
    expect([...cuts]).toEqual([1.5, 2.5]);
    expect([NaN, 1, 2, 3, 9].map((x) => binOf(cuts, x))).toEqual([0, 1, 2, 3, 3]);
  });

  it('uses at most maxBins bins on many distinct values', () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => Math.sqrt(i));
    expect(featureCuts(values, { maxBins: 16 }).length).toBeLessThanOrEqual(15);
  });
});

describe('growTree', () => {
  it('finds the known split: y = 1 below x = 20, 5 above; the noise feature is not used', () => {
    const rows = 400;
    const x = Float64Array.from({ length: rows }, (_, i) => i % 40);
    const noise = Float64Array.from({ length: rows }, (_, i) => (i * 7919) % 13);
    const y = Float64Array.from(x, (v) => (v < 20 ? 1 : 5));
    const { bins, cuts } = binColumns([noise, x]);
    // Squared loss at a prediction of 0: g = −y, h = 1, so a leaf's value is its mean (λ ≈ 0).
    const grad = Float64Array.from(y, (v) => -v);
    const hess = new Float64Array(rows).fill(1);
    const tree = growTree(
      { bins, cuts, grad, hess },
      Int32Array.from({ length: rows }, (_, i) => i),
      {
        maxDepth: 3,
        minLeafRows: 5,
        lambda: 1e-9,
        maxDeltaStep: Infinity,
      },
    );
    expect(tree.feature[0]).toBe(1);
    expect(tree.threshold[0]).toBe(19.5);
    expect(tree.feature.filter((f) => f === 0)).toHaveLength(0);
    expect(treeValue(tree, [0, 3])).toBeCloseTo(1, 9);
    expect(treeValue(tree, [0, 33])).toBeCloseTo(5, 9);
    expect(treeValue(tree, [NaN, NaN])).toBeCloseTo(1, 9);
  });
});

describe('fitGbt (Tweedie)', () => {
  const set = countData(4000, 3);
  const model = fitGbt(set, { trees: 40, minLeafRows: 20 });

  it('lowers the training deviance tree after tree', () => {
    const losses = [0, 1, 5, 10, 20, 40].map((k) => meanLoss(model, set, k));
    for (let k = 1; k < losses.length; k++) expect(losses[k]!).toBeLessThan(losses[k - 1]!);
  });

  it('learns the means of the generating process', () => {
    const mean = (x: number[]) => Math.exp(gbtMargin(model, x));
    expect(mean([2, 1, 0.5])).toBeGreaterThan(0.35);
    expect(mean([2, 1, 0.5])).toBeLessThan(0.7);
    expect(mean([8, 5, 0.5])).toBeGreaterThan(4.8);
    expect(mean([8, 5, 0.5])).toBeLessThan(7.2);
  });

  it('is deterministic for a seed', () => {
    const again = fitGbt(set, { trees: 40, minLeafRows: 20 });
    expect(again.trees.map((t) => [...t.value])).toEqual(model.trees.map((t) => [...t.value]));
  });

  it('never gives NaN: all-zero targets, missing features, unseen values', () => {
    const zeros = { ...countData(500, 9), target: new Float64Array(500) };
    const flat = fitGbt(zeros, { trees: 10 });
    for (const x of [
      [NaN, NaN, NaN],
      [1e9, -1e9, 0],
      [0, 0, 0],
    ]) {
      expect(Number.isFinite(gbtMargin(flat, x))).toBe(true);
      expect(Number.isFinite(gbtMargin(model, x))).toBe(true);
    }
    // Each tree moves the log-mean by at most learningRate × maxDeltaStep = 0.07 towards 0.
    expect(Math.exp(gbtMargin(flat, [1, 1, 1]))).toBeCloseTo(Math.exp(-0.7), 6);
  });

  it('refuses a tweedie power outside (1, 2) and negative targets', () => {
    expect(() => fitGbt(set, { tweediePower: 2 })).toThrow(RangeError);
    const negative = { ...set, target: Float64Array.from(set.target, (v, i) => (i === 0 ? -1 : v)) };
    expect(() => fitGbt(negative)).toThrow(RangeError);
  });
});
