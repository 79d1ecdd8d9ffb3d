import { Alert, Anchor, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/common/page-header';
import { PageLoader } from '../../../components/common/page-loader';
import { useI18n } from '../../../i18n/i18n-context';
import {
  expandLabels,
  labelCode,
  SHEET_IDS,
  SHEETS,
  type LabelItem,
  type LabelSource,
  type SheetId,
} from '../../../lib/barcode/labels';
import { LabelledSegments } from './labelled-segments';
import './labels.css';

type LabelCode = ReturnType<typeof labelCode>;

const codeKey = (code: LabelCode) => `${code.bcid}:${code.text}`;

/** Draws each distinct code once (bwip-js, loaded on this page only); null until all are drawn. */
function useBarcodeSvgs(codes: Map<string, LabelCode>) {
  const [svgs, setSvgs] = useState<Map<string, string | null> | null>(null);
  useEffect(() => {
    let cancelled = false;
    void import('../../../lib/barcode/render').then(({ barcodeSvg }) => {
      const drawn = new Map<string, string | null>();
      for (const code of codes.values()) {
        try {
          drawn.set(codeKey(code), barcodeSvg(code));
        } catch {
          // bwip-js refuses what a symbology cannot carry (e.g. non-ASCII in Code 128): say so on the label.
          drawn.set(codeKey(code), null);
        }
      }
      if (!cancelled) setSvgs(drawn);
    });
    return () => {
      cancelled = true;
    };
  }, [codes]);
  return svgs;
}

/** The sheet and what the bars carry, plus the page's own controls and the label count. */
function SheetSettings({
  sheetId,
  onSheet,
  source,
  onSource,
  anyBarcode,
  controls,
  count,
}: {
  sheetId: SheetId;
  onSheet: (id: SheetId) => void;
  source: LabelSource;
  onSource: (source: LabelSource) => void;
  anyBarcode: boolean;
  controls: ReactNode;
  count: number;
}) {
  const { t, fmt } = useI18n();
  return (
    <Paper withBorder radius="md" p="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('labels.sheet')}
          data={SHEET_IDS.map((id) => ({ value: id, label: t(`labels.sheet.${id}`) }))}
          value={sheetId}
          onChange={(value) => {
            if (value) onSheet(value);
          }}
          allowDeselect={false}
          w={280}
          data-testid="labels-sheet"
        />
        <LabelledSegments
          id="labels-source"
          label={t('labels.encode')}
          value={source}
          onChange={onSource}
          data={[
            { value: 'barcode', label: t('labels.encodeBarcode'), disabled: !anyBarcode },
            { value: 'sku', label: t('labels.encodeSku') },
          ]}
        />
        {controls}
      </Group>
      <Text size="sm" c="dimmed" mt="sm" data-testid="labels-count">
        {t('labels.count', { count: fmt.int(count) })}
      </Text>
    </Paper>
  );
}

function Label({ item, code, svg }: { item: LabelItem; code: LabelCode; svg: string | null | undefined }) {
  const { t } = useI18n();
  return (
    <div className="lbl-label" translate="no" data-testid="label" data-code={code.text}>
      <div className="lbl-sku">{item.sku}</div>
      <div className="lbl-title">{item.title}</div>
      {svg ? (
        <div
          className="lbl-barcode"
          role="img"
          aria-label={code.text}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      ) : (
        <div className="lbl-unprintable" translate="yes">
          {t('labels.cannotDraw')}
        </div>
      )}
    </div>
  );
}

/**
 * The label print view shared by the product and purchase-order pages: choose the sheet and what
 * the bars carry, preview, print. Each distinct code is drawn once (bwip-js, loaded on this page
 * only) and reused by every label that carries it.
 */
export function LabelSheet(props: {
  title: ReactNode;
  description?: ReactNode;
  requests: { item: LabelItem; count: number }[];
  /** Page-specific controls (copies, per unit or per line). */
  controls?: ReactNode;
  back: { to: string; label: string };
}) {
  const { t, fmt } = useI18n();
  const [sheetId, setSheetId] = useState<SheetId>('a4-21');
  const anyBarcode = props.requests.some((r) => r.item.barcode);
  const [source, setSource] = useState<LabelSource>(anyBarcode ? 'barcode' : 'sku');
  const { labels, requested } = useMemo(() => expandLabels(props.requests), [props.requests]);
  const codes = useMemo(
    () => new Map(props.requests.map((r) => [r.item.sku, labelCode(r.item, source)])),
    [props.requests, source],
  );
  const svgs = useBarcodeSvgs(codes);

  const sheet = SHEETS[sheetId];
  const style = {
    '--lbl-width': sheet.width,
    '--lbl-height': sheet.height,
    '--lbl-columns': String(sheet.columns),
    '--lbl-column-gap': sheet.columnGap,
    '--lbl-row-gap': sheet.rowGap,
  } as CSSProperties;

  return (
    <Stack gap="md">
      {/* The sheet's page size and margins, for the print dialog. */}
      <style>{`@media print { @page { size: ${sheet.page}; margin: ${sheet.margin}; } }`}</style>
      <div className="lbl-screen-only">
        <PageHeader
          title={props.title}
          description={props.description}
          actions={
            <Button
              onClick={() => {
                window.print();
              }}
              disabled={!svgs || labels.length === 0}
              data-testid="labels-print"
            >
              {t('labels.print')}
            </Button>
          }
        />
        <SheetSettings
          sheetId={sheetId}
          onSheet={setSheetId}
          source={source}
          onSource={setSource}
          anyBarcode={anyBarcode}
          controls={props.controls}
          count={labels.length}
        />
        {requested > labels.length ? (
          <Alert color="yellow" variant="light" mt="md">
            {t('labels.capped', { shown: fmt.int(labels.length), requested: fmt.int(requested) })}
          </Alert>
        ) : null}
      </div>
      {svgs ? (
        <div className="lbl-sheet" style={style} data-sheet={sheetId} data-testid="label-sheet">
          {labels.map((item, index) => {
            const code = codes.get(item.sku) ?? labelCode(item, source);
            return <Label key={index} item={item} code={code} svg={svgs.get(codeKey(code))} />;
          })}
        </div>
      ) : (
        <PageLoader />
      )}
      <Anchor component={Link} to={props.back.to} size="sm" className="lbl-screen-only">
        {props.back.label}
      </Anchor>
    </Stack>
  );
}
