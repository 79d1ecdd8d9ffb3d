import { describe, expect, it } from 'vitest';
import { timeSlices } from '../../src/platform/event-loop';

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* work */
  }
};

describe('timeSlices', () => {
  it('lets a waiting callback run during a long loop', async () => {
    const slices = timeSlices(5);
    let ranAt = -1;
    setImmediate(() => {
      ranAt = step;
    });
    let step = 0;
    for (; step < 20; step++) {
      await slices.pause();
      busy(2);
    }
    // 2 ms a step, a yield once 5 ms have passed: the callback ran within the first few steps.
    expect(ranAt).toBeGreaterThan(0);
    expect(ranAt).toBeLessThan(6);
  });

  it('never yields in a loop shorter than one slice', async () => {
    const slices = timeSlices(10_000);
    let ran = false;
    setImmediate(() => {
      ran = true;
    });
    for (let i = 0; i < 1000; i++) await slices.pause();
    expect(ran).toBe(false);
  });
});
