import { useI18n } from './i18n-context';
import { DICTIONARIES, messageParts, type MessageKey, type Vars } from './translate';

/**
 * A message whose named values are codes or seller data written as-is in every language (currency and
 * marketplace codes): those values are marked translate="no", so a browser's translator leaves them and a
 * reader's tools know them for data, while the words around them are the reader's language.
 */
export function MessageWithData({ k, vars, data }: { k: MessageKey; vars: Vars; data: readonly string[] }) {
  const { locale } = useI18n();
  return (
    <>
      {messageParts(DICTIONARIES[locale][k], vars).map((part, i) =>
        part.name !== undefined && data.includes(part.name) ? (
          <span key={i} translate="no">
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
