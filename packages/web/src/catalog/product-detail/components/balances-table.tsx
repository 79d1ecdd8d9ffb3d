import type { Balance } from '../../../api/types';
import { TableSection, type CellColumn } from '../../../components/common/data-table';
import { NothingHere } from '../../../components/common/not-available';
import { useI18n } from '../../../i18n/i18n-context';

/** The quantities of a balance, each in a column of its own. */
const QUANTITIES = ['onHand', 'reserved', 'available', 'inbound', 'unfulfillable'] as const;

export function BalancesTable({ balances }: { balances: Balance[] }) {
  const { t, fmt } = useI18n();
  return (
    <TableSection
      title={t('product.balances')}
      titleId="balances-title"
      isEmpty={balances.length === 0}
      empty={<NothingHere title={t('product.noBalances')} />}
      testId="balances-table"
      minWidth={560}
      scroll="area"
      items={balances}
      rowKey={(b) => b.location}
      columns={[
        { label: t('field.location'), text: 'verbatim', cell: (b) => b.location },
        ...QUANTITIES.map((field): CellColumn<Balance> => ({
          label: t(`field.${field}`),
          numeric: true,
          cell: (b) => fmt.int(b[field]),
        })),
        {
          label: t('product.oldestReceived'),
          cell: (b) => (b.oldestReceivedAt ? fmt.date(b.oldestReceivedAt) : '—'),
        },
      ]}
    />
  );
}
