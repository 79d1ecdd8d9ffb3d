import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { IconDownload, IconSearch } from '../../../components/common/icons';
import { useI18n } from '../../../i18n/i18n-context';
import { STATUS_FILTERS, type ColumnId, type RowFilter } from '../inventory-model';
import { ColumnChooser } from './column-chooser';

interface ToolbarProps {
  filter: RowFilter;
  onChange: (changes: Record<string, string | null>) => void;
  locations: string[];
  categories: string[];
  columns: { visible: ColumnId[]; toggle: (id: ColumnId) => void };
  onExport: () => void;
}

export function InventoryToolbar({
  filter,
  onChange,
  locations,
  categories,
  columns,
  onExport,
}: ToolbarProps) {
  const { t } = useI18n();
  // Typing stays instant in the box; the grid refilters after a short pause (100k rows).
  const [search, setSearch] = useState(filter.search);
  const commitSearch = useDebouncedCallback((value: string) => {
    onChange({ q: value });
  }, 150);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('inventory.filters')}>
      <TextInput
        label={t('inventory.search')}
        placeholder={t('inventory.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setSearch(value);
          commitSearch(value);
        }}
        w={{ base: '100%', sm: 280 }}
        type="search"
        data-testid="inventory-search"
      />
      <Select
        label={t('field.location')}
        placeholder={t('inventory.allLocations')}
        data={locations.map((code) => ({ value: code, label: code }))}
        value={filter.location}
        onChange={(value) => {
          onChange({ location: value });
        }}
        clearable
        w={{ base: '47%', sm: 150 }}
        comboboxProps={{ withinPortal: true }}
        data-testid="inventory-location"
      />
      <Select
        label={t('field.category')}
        placeholder={t('inventory.allCategories')}
        data={categories}
        value={filter.category}
        onChange={(value) => {
          onChange({ category: value });
        }}
        clearable
        searchable
        nothingFoundMessage={t('common.noMatches')}
        w={{ base: '47%', sm: 170 }}
      />
      <Select
        label={t('inventory.status')}
        data={STATUS_FILTERS.map((status) => ({ value: status, label: t(`inventory.status.${status}`) }))}
        value={filter.status}
        onChange={(value) => {
          onChange({ status: value });
        }}
        allowDeselect={false}
        w={{ base: '100%', sm: 190 }}
        data-testid="inventory-status"
      />
      <Group gap="xs" ml={{ sm: 'auto' }}>
        <ColumnChooser visible={columns.visible} onToggle={columns.toggle} />
        <Button variant="default" leftSection={<IconDownload />} onClick={onExport} data-testid="export-csv">
          {t('inventory.export')}
        </Button>
      </Group>
    </Group>
  );
}
