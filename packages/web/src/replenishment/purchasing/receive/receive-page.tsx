import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  Progress,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useRef, useState, type RefObject, type SyntheticEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import type { PurchaseOrder } from '../../../api/types';
import { FailureAlert } from '../../../components/common/error-alert';
import { errorMessage } from '../../../components/common/error-message';
import { IconBarcode } from '../../../components/common/icons';
import { PageHeader } from '../../../components/common/page-header';
import { PageLoader } from '../../../components/common/page-loader';
import { CameraScanner } from '../../../components/scanner/camera-scanner';
import { usePurchaseOrder, useReceivePurchaseOrder } from '../../purchasing.hooks';
import { useI18n } from '../../../i18n/i18n-context';
import type { Translate } from '../../../i18n/translate';
import { RECEIVABLE } from '../status';
import { OrderStatusBadge, ReceivedOfText } from '../order-status';
import { newScanKey, parseScan, signal } from '../../../lib/scan-feedback';

type Outcome = { ok: true; text: string } | { ok: false; text: string };

function failureText(error: unknown, code: string, t: Translate): string {
  if (error instanceof ApiError && (error.code === 'UNKNOWN_BARCODE' || error.code === 'UNKNOWN_SKU'))
    return t('receive.unknownCode', { code });
  if (error instanceof ApiError && error.code === 'OVER_RECEIPT') return t('receive.overReceipt', { code });
  return errorMessage(error, t);
}

const SLOT = '\u0001';

/** A translated sentence with seller data (an order number) in it, marked so translators and the language check skip the data. */
function Interpolated({ text, slot }: { text: string; slot: string }) {
  const [before, after] = text.split(SLOT);
  return (
    <>
      {before}
      <span translate="no">{slot}</span>
      {after}
    </>
  );
}

/** The order's SKU for a typed code, so a person can type a SKU instead of scanning a barcode. */
function skuOf(order: PurchaseOrder, code: string): string | null {
  const lower = code.toLowerCase();
  return order.lines.find((line) => line.sku.toLowerCase() === lower)?.sku ?? null;
}

/** A line's progress: received of ordered, green once nothing is open. */
function ReceiveLine({ line }: { line: PurchaseOrder['lines'][number] }) {
  const { fmt } = useI18n();
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid={`receive-line-${line.sku}`}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text ff="monospace" size="sm" translate="no">
            {line.sku}
          </Text>
          <Text size="xs" c="dimmed" truncate translate="no">
            {line.barcode ?? line.title}
          </Text>
        </Stack>
        <Text
          fw={600}
          data-testid="line-received"
        >{`${fmt.int(line.receivedQuantity)} / ${fmt.int(line.quantity)}`}</Text>
      </Group>
      <Progress
        mt={6}
        size="sm"
        value={line.quantity ? Math.min(100, (100 * line.receivedQuantity) / line.quantity) : 0}
        color={line.openQuantity === 0 ? 'green' : 'blue'}
        aria-label={line.sku}
        translate="no"
      />
    </Paper>
  );
}

/** The scan field with its quantity, the submit button and the camera. */
function ScanForm({
  inputRef,
  text,
  onText,
  quantity,
  onQuantity,
  onScan,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  text: string;
  onText: (text: string) => void;
  quantity: number;
  onQuantity: (quantity: number) => void;
  onScan: (raw: string, source: 'field' | 'camera') => void;
}) {
  const { t } = useI18n();
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onScan(text, 'field');
  };
  const onCameraScan = (code: string) => {
    onScan(code, 'camera');
  };
  return (
    <form onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput
          ref={inputRef}
          style={{ flex: 1 }}
          size="lg"
          label={t('receive.scanLabel')}
          placeholder={t('receive.scanPlaceholder')}
          leftSection={<IconBarcode />}
          value={text}
          onChange={(event) => {
            onText(event.currentTarget.value);
          }}
          autoFocus
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="done"
          data-testid="receive-input"
        />
        <NumberInput
          size="lg"
          w={96}
          label={t('receive.quantity')}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          value={quantity}
          onChange={(value) => {
            onQuantity(typeof value === 'number' && value >= 1 ? value : 1);
          }}
        />
      </Group>
      {/* Two fields in the form: without a submit button, Enter would not submit it. */}
      <Button type="submit" mt="sm" fullWidth>
        {t('po.receive')}
      </Button>
      <Stack mt="sm">
        <CameraScanner onScan={onCameraScan} />
      </Stack>
    </form>
  );
}

/**
 * Phone-first receiving. A keyboard-wedge scanner types the code and presses Enter into the one
 * focused field; a person can type a SKU or barcode, optionally followed by a quantity ("SKU 3").
 */
export default function ReceivePage() {
  const { t, fmt } = useI18n();
  const number = useParams()['number'] ?? '';
  const query = usePurchaseOrder(number);
  const receive = useReceivePurchaseOrder(number);
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const order = query.data;

  /**
   * One path for every scan: a keyboard-wedge scanner's Enter, a typed code, or the camera. A camera
   * scan is the code alone (no "CODE 3" quantity syntax), leaves what is typed in the field, and
   * leaves focus alone, so a phone does not pop up its keyboard after each one.
   */
  const receiveScan = (raw: string, source: 'field' | 'camera') => {
    const scan =
      source === 'field' ? parseScan(raw, quantity) : raw.trim() ? { code: raw.trim(), quantity } : null;
    if (!scan || !order) return;
    const sku = skuOf(order, scan.code);
    const payload = {
      ...(sku ? { sku } : { barcode: scan.code }),
      quantity: scan.quantity,
      scanKey: newScanKey(),
    };
    // Clear at once: a scanner may send the next code before this one is answered.
    if (source === 'field') setText('');
    receive
      .mutateAsync(payload)
      .then(
        (result) => {
          signal(true);
          const line = result.received[0];
          setOutcome({
            ok: true,
            text: t('receive.ok', {
              quantity: fmt.int(line?.quantity ?? scan.quantity),
              sku: line?.sku ?? scan.code,
            }),
          });
          setQuantity(1);
        },
        (error: unknown) => {
          signal(false);
          setOutcome({ ok: false, text: failureText(error, scan.code, t) });
        },
      )
      .finally(() => {
        if (source === 'field') input.current?.focus();
      });
  };

  return (
    <Stack gap="md" maw={640}>
      <PageHeader
        title={<Interpolated text={t('receive.title', { number: SLOT })} slot={number} />}
        description={
          order ? <span translate="no">{`${order.supplier.name} → ${order.location}`}</span> : undefined
        }
      />
      {query.isPending ? <PageLoader /> : null}
      <FailureAlert of={query} />
      {order ? (
        <>
          <Group gap="sm">
            <OrderStatusBadge order={order} />
            <ReceivedOfText order={order} testId="receive-total" />
          </Group>
          {RECEIVABLE.has(order.status) ? (
            <ScanForm
              inputRef={input}
              text={text}
              onText={setText}
              quantity={quantity}
              onQuantity={setQuantity}
              onScan={receiveScan}
            />
          ) : (
            <Alert color="gray" variant="light">
              {t('receive.notReceivable')}
            </Alert>
          )}
          {outcome ? (
            <Alert
              color={outcome.ok ? 'green' : 'red'}
              variant="light"
              role={outcome.ok ? 'status' : 'alert'}
              data-testid="receive-outcome"
            >
              {outcome.text}
            </Alert>
          ) : null}
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {order.lines.map((line) => (
              <ReceiveLine key={line.lineNo} line={line} />
            ))}
          </Stack>
          <Anchor component={Link} to={`/purchase-orders/${encodeURIComponent(number)}`} size="sm">
            {t('receive.backToOrder')}
          </Anchor>
        </>
      ) : null}
    </Stack>
  );
}
