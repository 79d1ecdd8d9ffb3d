import type { ReactNode } from 'react';
import { ErrorAlert } from './error-alert';
import { PageLoader } from './page-loader';

/** What a list shows before its data: a spinner while loading, the error, or `empty` when there is nothing. */
export function QueryStates({
  query,
  isEmpty,
  empty,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown };
  isEmpty?: boolean | undefined;
  empty?: ReactNode;
}) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  return isEmpty ? <>{empty}</> : null;
}
