import { Worker } from 'node:worker_threads';

/** Worker threads do not inherit tsx's loader: a tiny bootstrap registers it, then imports the worker module. */
export function startTsxWorker(workerModule: URL): Worker {
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const worker = JSON.stringify(workerModule.href);
  return new Worker(`import(${tsx}).then((m) => { m.register(); return import(${worker}); });`, {
    eval: true,
  });
}

/** Posts one input to `worker` (moving the `transfer` buffers) and resolves with its one answer, or its error. */
export function askWorker<Output>(
  worker: Worker,
  input: unknown,
  transfer: readonly ArrayBuffer[] = [],
): Promise<Output> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error): void => {
      reject(e);
    };
    worker.once('error', onError);
    worker.once('message', (m: Output) => {
      worker.off('error', onError);
      resolve(m);
    });
    worker.postMessage(input, [...transfer]);
  });
}
