import cliProgress from 'cli-progress';

/** A progress bar on a terminal; silent under --json or when stderr is not a TTY. */
export function progressBar(enabled: boolean) {
  if (!enabled || !process.stderr.isTTY) {
    return { update: (_fraction: number, _message: string) => undefined, stop: () => undefined };
  }
  const bar = new cliProgress.SingleBar(
    { format: ' {bar} {percentage}% | {message}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(100, 0, { message: '' });
  return {
    update: (fraction: number, message: string) => {
      bar.update(Math.round(fraction * 100), { message });
    },
    stop: () => {
      bar.stop();
    },
  };
}

/**
 * One line per step on stderr, with the seconds since the start, on a terminal and in a pipe alike (a
 * first start is never silent for long); silent under --json.
 */
export function stepLines(enabled: boolean): (fraction: number, message: string) => void {
  const started = performance.now();
  let last = '';
  return (fraction, message) => {
    if (!enabled || message === last) return;
    last = message;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`[${seconds} s] ${String(Math.round(fraction * 100))}% ${message}\n`);
  };
}
