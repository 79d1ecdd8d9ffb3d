import { useI18n } from '../../i18n/i18n-context';
import { isMessageKey } from '../../i18n/translate';

/** A server code shown in words when the dictionary knows it, else as the raw code (not translated). */
export function CodeLabel({ prefix, code }: { prefix: string; code: string }) {
  const { t } = useI18n();
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? <>{t(key)}</> : <span translate="no">{code}</span>;
}
