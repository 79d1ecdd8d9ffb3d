import { Progress, Table, Text } from '@mantine/core';
import { TableSection } from '../../components/common/data-table';
import { DataText } from '../../components/common/data-text';
import { useI18n } from '../../i18n/i18n-context';
import type { LocationSummary } from '../summary';

export function LocationTable({ locations }: { locations: LocationSummary[] }) {
  const { t, fmt } = useI18n();
  return (
    <TableSection
      title={t('overview.byLocation')}
      titleId="locations-title"
      testId="location-table"
      minWidth={720}
      scroll="area"
      columns={[
        t('field.location'),
        { label: t('field.onHand'), numeric: true },
        { label: t('field.available'), numeric: true },
        { label: t('field.inbound'), numeric: true },
        { label: t('field.unfulfillable'), numeric: true },
        { label: t('overview.stockOuts'), numeric: true },
        t('overview.storageUsed'),
      ]}
    >
      {locations.map((loc) => {
        const share = loc.capacityCubicFeet ? loc.cubicFeet / loc.capacityCubicFeet : null;
        return (
          <Table.Tr key={loc.code}>
            <Table.Td>
              <DataText fw={500}>{loc.code}</DataText>
              <Text size="xs" c="dimmed" translate="no">
                {loc.name}
              </Text>
            </Table.Td>
            <Table.Td className="num">{fmt.int(loc.onHand)}</Table.Td>
            <Table.Td className="num">{fmt.int(loc.available)}</Table.Td>
            <Table.Td className="num">{fmt.int(loc.inbound)}</Table.Td>
            <Table.Td className="num">{fmt.int(loc.unfulfillable)}</Table.Td>
            <Table.Td className="num">{fmt.int(loc.stockOuts)}</Table.Td>
            <Table.Td miw={180}>
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
            </Table.Td>
          </Table.Tr>
        );
      })}
    </TableSection>
  );
}
