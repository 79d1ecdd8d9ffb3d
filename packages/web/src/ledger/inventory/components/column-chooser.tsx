import { Button, Checkbox, Menu, Stack } from '@mantine/core';
import { IconColumns } from '../../../components/common/icons';
import { useI18n } from '../../../i18n/i18n-context';
import { COLUMN_IDS, COLUMNS, type ColumnId } from '../inventory-model';

export function ColumnChooser({
  visible,
  onToggle,
}: {
  visible: ColumnId[];
  onToggle: (id: ColumnId) => void;
}) {
  const { t } = useI18n();
  return (
    <Menu closeOnItemClick={false} position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconColumns />} data-testid="column-chooser">
          {t('inventory.columns')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('inventory.showColumns')}</Menu.Label>
        <Stack gap={6} p="xs" role="group" aria-label={t('inventory.showColumns')}>
          {COLUMN_IDS.map((id) => (
            <Checkbox
              key={id}
              label={t(COLUMNS[id].label)}
              checked={visible.includes(id)}
              disabled={id === 'sku'}
              onChange={() => {
                onToggle(id);
              }}
              data-column={id}
            />
          ))}
        </Stack>
      </Menu.Dropdown>
    </Menu>
  );
}
