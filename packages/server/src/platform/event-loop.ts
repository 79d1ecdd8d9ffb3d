/** Lets other work (an API request on the embedded database's one connection) run before going on. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * For a long in-memory loop on the request thread (forecasting thousands of positions): `pause()` yields
 * to the event loop once `sliceMs` of work have passed since the last yield, so no request waits on the
 * loop for longer than about one slice, while a short loop never yields at all.
 */
export function timeSlices(sliceMs = 10): { pause: () => Promise<void> } {
  let since = performance.now();
  return {
    async pause() {
      if (performance.now() - since < sliceMs) return;
      await yieldToEventLoop();
      since = performance.now();
    },
  };
}
