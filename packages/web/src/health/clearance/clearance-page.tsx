import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { DataTable } from '../../components/common/data-table';
import { SkuWithTitle } from '../../components/common/entity-link';
import { FailureAlert } from '../../components/common/error-alert';
import { LabelledValue } from '../../components/common/labelled-value';
import { NothingHere } from '../../components/common/not-available';
import { PageHeader } from '../../components/common/page-header';
import { PageLoader } from '../../components/common/page-loader';
import { useI18n } from '../../i18n/i18n-context';
import { excessLines, excessTotals, type ClearanceAction, type ExcessLine } from './clearance-model';
import { useExcessReport, useRecordRemoval } from './clearance.hooks';
import { MarkdownModal } from './markdown-modal';
import { usePermission } from '../../accounts/use-permission';

const ACTION_COLORS: Record<ClearanceAction, string> = {
  keep: 'gray',
  promotion: 'blue',
  markdown: 'indigo',
  liquidation: 'orange',
  removal: 'red',
  disposal: 'dark',
};

/** Records units leaving as a removal or a liquidation (a ledger movement); the quantity starts at the advice. */
function RemovalModal({ line, onClose }: { line: ExcessLine; onClose: () => void }) {
  const { t, fmt } = useI18n();
  const record = useRecordRemoval();
  const [kind, setKind] = useState<'removal' | 'liquidation'>(
    line.action === 'liquidation' ? 'liquidation' : 'removal',
  );
  const [quantity, setQuantity] = useState<number>(
    Math.min(line.available, line.removalQuantity > 0 ? line.removalQuantity : line.excess),
  );
  const valid = Number.isInteger(quantity) && quantity > 0 && quantity <= line.available;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('clearance.recordTitle', { sku: line.sku, location: line.location })}
      closeButtonProps={{ 'aria-label': t('common.cancel') }}
    >
      <Stack gap="sm">
        <SegmentedControl
          value={kind}
          onChange={(value) => {
            setKind(value === 'liquidation' ? 'liquidation' : 'removal');
          }}
          data={[
            { value: 'removal', label: t('clearance.action.removal') },
            { value: 'liquidation', label: t('clearance.action.liquidation') },
          ]}
          data-testid="removal-kind"
        />
        <NumberInput
          label={t('clearance.quantity')}
          description={t('clearance.available', { count: fmt.int(line.available) })}
          min={1}
          max={line.available}
          allowDecimal={false}
          allowNegative={false}
          value={quantity}
          onChange={(value) => {
            setQuantity(typeof value === 'number' ? value : Number(value) || 0);
          }}
          data-testid="removal-quantity"
        />
        <FailureAlert of={record} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!valid}
            loading={record.isPending}
            data-testid="removal-confirm"
            onClick={() => {
              record.mutate(
                { sku: line.sku, location: line.location, quantity, kind },
                { onSuccess: onClose },
              );
            }}
          >
            {t('clearance.record')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ExcessRow({
  line,
  onRecord,
  onMarkdown,
}: {
  line: ExcessLine;
  onRecord: (line: ExcessLine) => void;
  onMarkdown: (line: ExcessLine) => void;
}) {
  const { t, fmt } = useI18n();
  const canPlan = usePermission('catalog:write');
  // A removal is a ledger movement: offered only to the roles that may write stock.
  const canRecord = usePermission('inventory:write');
  return (
    <Table.Tr data-sku={line.sku} data-location={line.location} data-action={line.action}>
      <Table.Td>
        <SkuWithTitle sku={line.sku} title={line.title} maw={240} />
      </Table.Td>
      <Table.Td translate="no">{line.location}</Table.Td>
      <Table.Td className="num">{fmt.int(line.excess)}</Table.Td>
      <Table.Td>
        <Badge color={ACTION_COLORS[line.action]} variant="light" miw="max-content">
          {t(`clearance.action.${line.action}`)}
        </Badge>
      </Table.Td>
      <Table.Td className="num">{line.price === null ? '—' : fmt.num(line.price, 2)}</Table.Td>
      <Table.Td className="num">
        {line.durationDays === null ? '—' : t('common.days', { count: fmt.int(line.durationDays) })}
      </Table.Td>
      <Table.Td className="num">{fmt.int(line.removalQuantity)}</Table.Td>
      <Table.Td className="num">{fmt.num(line.savings, 0)}</Table.Td>
      {/* Its name carries the SKU and location (data), so the cell is marked as data. */}
      <Table.Td translate="no">
        {canRecord ? (
          <Button
            size="compact-xs"
            variant="light"
            mr={6}
            disabled={line.available <= 0}
            onClick={() => {
              onRecord(line);
            }}
            aria-label={t('clearance.recordFor', { sku: line.sku, location: line.location })}
          >
            {t('clearance.record')}
          </Button>
        ) : null}
        {line.price !== null ? (
          <Button
            size="compact-xs"
            variant="light"
            color="indigo"
            data-testid="markdown-plan"
            onClick={() => {
              onMarkdown(line);
            }}
            aria-label={t(canPlan ? 'markdown.planFor' : 'markdown.showFor', { sku: line.sku })}
          >
            {t(canPlan ? 'markdown.plan' : 'markdown.show')}
          </Button>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * Every SKU with excess units at Amazon and what the plan advises for them (docs/formulas.md
 * Clearance advice): the action, its price and duration, the units to remove and the money saved
 * against keeping them; a removal or liquidation is recorded here as a ledger movement, and a
 * markdown or promotion planned as a price event the SKU's forecast uses.
 */
export default function ClearancePage() {
  const { t, fmt } = useI18n();
  const report = useExcessReport();
  const [recording, setRecording] = useState<ExcessLine | null>(null);
  const [markingDown, setMarkingDown] = useState<ExcessLine | null>(null);
  const lines = useMemo(() => (report.data ? excessLines(report.data) : []), [report.data]);
  const totals = excessTotals(lines);
  return (
    <Stack gap="md">
      <PageHeader title={t('clearance.title')} description={t('clearance.subtitle')} />
      {report.isPending ? <PageLoader /> : null}
      <FailureAlert of={report} />
      {report.data && lines.length === 0 ? <NothingHere title={t('clearance.empty')} /> : null}
      {lines.length > 0 ? (
        <>
          <Paper withBorder radius="md" p="sm" data-testid="clearance-totals">
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              <LabelledValue label={t('clearance.totals.skus')} value={fmt.int(totals.skus)} />
              <LabelledValue label={t('clearance.totals.units')} value={fmt.int(totals.units)} />
              <LabelledValue label={t('clearance.totals.removal')} value={fmt.int(totals.removal)} />
              <LabelledValue
                label={t('clearance.totals.savings')}
                value={fmt.num(totals.savings, 0)}
                strong
              />
            </SimpleGrid>
          </Paper>
          <DataTable
            minWidth={1150}
            highlightOnHover
            testId="clearance-table"
            columns={[
              t('field.sku'),
              t('field.location'),
              { label: t('clearance.excess'), numeric: true },
              t('clearance.advice'),
              { label: t('clearance.price'), numeric: true },
              { label: t('clearance.duration'), numeric: true },
              { label: t('clearance.removalQuantity'), numeric: true },
              { label: t('clearance.savings'), numeric: true },
              { label: <span className="sr-only">{t('clearance.actions')}</span> },
            ]}
          >
            {lines.map((line) => (
              <ExcessRow
                key={`${line.sku}\u0001${line.location}`}
                line={line}
                onRecord={setRecording}
                onMarkdown={setMarkingDown}
              />
            ))}
          </DataTable>
        </>
      ) : null}
      {recording ? (
        <RemovalModal
          key={`${recording.sku}\u0001${recording.location}`}
          line={recording}
          onClose={() => {
            setRecording(null);
          }}
        />
      ) : null}
      {markingDown ? (
        <MarkdownModal
          key={`${markingDown.sku}\u0001${markingDown.location}`}
          line={markingDown}
          onClose={() => {
            setMarkingDown(null);
          }}
        />
      ) : null}
    </Stack>
  );
}
