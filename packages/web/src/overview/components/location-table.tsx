import { Progress, Text } from '@mantine/core';
import { TableSection, type CellColumn } from '../../components/common/data-table';
import { DataText } from '../../components/common/data-text';
import { useI18n } from '../../i18n/i18n-context';
import type { LocationSummary } from '../summary';

/** The quantities of a location, each in a column of its own. */
const QUANTITIES = [
  ['onHand', 'field.onHand'],
  ['available', 'field.available'],
  ['inbound', 'field.inbound'],
  ['unfulfillable', 'field.unfulfillable'],
  ['stockOuts', 'overview.stockOuts'],
] as const;

/** The cubic feet stored, against the location's capacity where it has one. */
function StorageUsed({ loc }: { loc: LocationSummary }) {
  const { t, fmt } = useI18n();
  const share = loc.capacityCubicFeet ? loc.cubicFeet / loc.capacityCubicFeet : null;
  return (
    <>
      <Text size="sm" className="num" ta="left">
        {share === null
          ? t('overview.cubicFeet', { value: fmt.num(loc.cubicFeet, 1) })
          : t('overview.cubicFeetOf', {
              value: fmt.num(loc.cubicFeet, 1),
              capacity: fmt.int(loc.capacityCubicFeet ?? 0),
            })}
      </Text>
      {share === null ? null : (
        <Progress
          value={Math.min(100, share * 100)}
          color={share > 0.9 ? 'red' : share > 0.75 ? 'orange' : 'blue'}
          size="sm"
          mt={4}
          aria-label={t('overview.capacityUsed', { percent: fmt.pct(share) })}
        />
      )}
    </>
  );
}

export function LocationTable({ locations }: { locations: LocationSummary[] }) {
  const { t, fmt } = useI18n();
  return (
    <TableSection
      title={t('overview.byLocation')}
      titleId="locations-title"
      testId="location-table"
      minWidth={720}
      scroll="area"
      items={locations}
      rowKey={(loc) => loc.code}
      columns={[
        {
          label: t('field.location'),
          cell: (loc) => (
            <>
              <DataText fw={500}>{loc.code}</DataText>
              <Text size="xs" c="dimmed" translate="no">
                {loc.name}
              </Text>
            </>
          ),
        },
        ...QUANTITIES.map(([field, key]): CellColumn<LocationSummary> => ({
          label: t(key),
          numeric: true,
          cell: (loc) => fmt.int(loc[field]),
        })),
        { label: t('overview.storageUsed'), miw: 180, cell: (loc) => <StorageUsed loc={loc} /> },
      ]}
    />
  );
}
