import { ApiError } from '../../api/client';
import type { MessageKey, Translate } from '../../i18n/translate';

/** Server error codes we can say in the reader's language; their English `detail` is a fallback. */
const CODE_MESSAGES: Record<string, MessageKey> = {
  VALIDATION_FAILED: 'error.validation',
  INVALID_BARCODE: 'error.invalidBarcode',
  UNKNOWN_SKU: 'error.unknownSku',
  UNKNOWN_LOCATION: 'error.unknownLocation',
  UNKNOWN_BARCODE: 'error.unknownBarcode',
  NOT_FOUND: 'error.notFound',
  DUPLICATE: 'error.duplicate',
  INSUFFICIENT_STOCK: 'error.insufficientStock',
  UNAUTHENTICATED: 'error.unauthenticated',
  FORBIDDEN: 'error.forbidden',
  CONFLICT: 'error.conflict',
  OVER_RECEIPT: 'error.overReceipt',
};

export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const key = CODE_MESSAGES[error.code];
    if (key) return t(key);
    return t('error.withCode', { code: error.code });
  }
  if (error instanceof TypeError) return t('error.network');
  return t('error.generic');
}
