import { isDomainError } from '@stockwise/domain/errors';

/** The steps of a channel sync, each committed and reported on its own. */
export type SyncStepName = 'orders' | 'inventory' | 'reports' | 'push';

export interface SyncStepOutcome {
  step: SyncStepName;
  status: 'ok' | 'failed' | 'skipped';
  /** What the step did, why it was skipped, or why it failed. */
  message: string | null;
}

/**
 * Runs one step and turns its failure into an outcome: a later step never undoes or hides an
 * earlier step's commit (a sync never answers 502 after it wrote something).
 */
export async function runStep(
  step: SyncStepName,
  fn: () => Promise<string | null>,
): Promise<SyncStepOutcome> {
  try {
    return { step, status: 'ok', message: await fn() };
  } catch (error) {
    return { step, status: 'failed', message: failureText(error) };
  }
}

export function skippedStep(step: SyncStepName, why: string): SyncStepOutcome {
  return { step, status: 'skipped', message: why };
}

/** An upstream or domain failure in one line, with its cause. */
export function failureText(error: unknown): string {
  if (isDomainError(error)) return `${error.code}: ${error.message}`;
  if (error instanceof Error)
    return `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`;
  return String(error);
}

/** The outcome of a whole sync: it failed as a whole only when no step succeeded. */
export function nothingSucceeded(steps: readonly SyncStepOutcome[]): boolean {
  return steps.every((s) => s.status !== 'ok');
}
