import { Fragment, type ReactNode } from 'react';
import type { AlertItem } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { alertTitleText, DATA } from './alert-title-text';

/** The title with its seller data marked `translate="no"`. */
export function AlertTitle({ alert }: { alert: AlertItem }) {
  const { t, fmt } = useI18n();
  const { text, data } = alertTitleText(alert, t, fmt);
  const parts: ReactNode[] = text.split(DATA).map((part, i) =>
    i % 2 === 1 ? (
      <span key={i} translate="no">
        {data[Number(part)] ?? ''}
      </span>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
  return <span data-testid="alert-title">{parts}</span>;
}
