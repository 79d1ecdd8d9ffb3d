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
