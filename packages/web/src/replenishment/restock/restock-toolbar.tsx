import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconDownload, IconSearch } from '../../components/common/icons';
import { useI18n } from '../../i18n/i18n-context';
import { ALERT_COLORS } from './alerts';
import { HELD_BACK_REASONS, type GroupBy, type RestockFilter } from './restock-model';

const ALERTS = Object.keys(ALERT_COLORS) as (keyof typeof ALERT_COLORS)[];
const ACTIONS = ['purchase', 'transfer'] as const;

/** A filter that starts at "all" (cleared) and offers only `options`; anything else clears it. */
function FilterSelect<T extends string>({
  label,
  options,
  value,
  onChange,
  testId,
}: {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T | null;
  onChange: (value: T | null) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Select
      label={label}
      placeholder={t('planner.all')}
      data={options}
      value={value}
      onChange={(picked) => {
        onChange(options.find((option) => option.value === picked)?.value ?? null);
      }}
      clearable
      searchable={options.length > 8}
      nothingFoundMessage={t('common.noMatches')}
      w={{ base: '47%', sm: 170 }}
      data-testid={testId}
    />
  );
}

const asOptions = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/** The planner's search, filters, grouping and export; every filter starts at "all". */
export function RestockToolbar({
  filter,
  onChange,
  options,
  groupBy,
  onGroupBy,
  onExport,
  onExportXlsx,
  exportingXlsx,
}: {
  filter: RestockFilter;
  onChange: (changes: Partial<RestockFilter>) => void;
  options: { locations: string[]; suppliers: string[] };
  groupBy: GroupBy;
  onGroupBy: (by: GroupBy) => void;
  onExport: () => void;
  onExportXlsx: () => void;
  exportingXlsx: boolean;
}) {
  const { t } = useI18n();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('planner.filters')}>
      <TextInput
        label={t('planner.search')}
        placeholder={t('planner.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={filter.search}
        onChange={(event) => {
          onChange({ search: event.currentTarget.value });
        }}
        w={{ base: '100%', sm: 240 }}
        type="search"
        data-testid="planner-search"
      />
      <FilterSelect
        label={t('field.location')}
        options={asOptions(options.locations)}
        value={filter.location}
        onChange={(location) => {
          onChange({ location });
        }}
        testId="planner-location"
      />
      <FilterSelect
        label={t('planner.supplier')}
        options={asOptions(options.suppliers)}
        value={filter.supplier}
        onChange={(supplier) => {
          onChange({ supplier });
        }}
        testId="planner-supplier"
      />
      <FilterSelect
        label={t('restock.action')}
        options={ACTIONS.map((action) => ({ value: action, label: t(`restock.action.${action}`) }))}
        value={filter.action}
        onChange={(action) => {
          onChange({ action });
        }}
        testId="planner-action"
      />
      <FilterSelect
        label={t('restock.alert')}
        options={[
          ...ALERTS.map((alert) => ({ value: alert, label: t(`alert.${alert}`) })),
          { value: 'none' as const, label: t('planner.noAlert') },
        ]}
        value={filter.alert}
        onChange={(alert) => {
          onChange({ alert });
        }}
        testId="planner-alert"
      />
      <FilterSelect
        label={t('planner.heldBack')}
        options={[
          { value: 'any' as const, label: t('planner.heldBackAny') },
          ...HELD_BACK_REASONS.map((reason) => ({ value: reason, label: t(`restock.heldBack.${reason}`) })),
        ]}
        value={filter.heldBack}
        onChange={(heldBack) => {
          onChange({ heldBack });
        }}
        testId="planner-held-back"
      />
      <Select
        label={t('planner.groupBy')}
        data={(['none', 'supplier'] as const).map((by) => ({ value: by, label: t(`planner.groupBy.${by}`) }))}
        value={groupBy}
        onChange={(by) => {
          onGroupBy(by === 'supplier' ? 'supplier' : 'none');
        }}
        allowDeselect={false}
        w={{ base: '100%', sm: 230 }}
        data-testid="planner-group"
      />
      <Button
        variant="default"
        leftSection={<IconDownload />}
        onClick={onExport}
        data-testid="planner-export"
        ml={{ sm: 'auto' }}
      >
        {t('planner.export')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconDownload />}
        onClick={onExportXlsx}
        loading={exportingXlsx}
        data-testid="planner-export-xlsx"
      >
        {t('planner.exportXlsx')}
      </Button>
    </Group>
  );
}
