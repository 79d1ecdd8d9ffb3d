import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconDownload, IconSearch } from '../../components/common/icons';
import { useI18n } from '../../i18n/i18n-context';
import { ALERT_COLORS } from './alerts';
import type { MessageKey } from '../../i18n/translate';
import { HELD_BACK_REASONS, NO_FILTER, type GroupBy, type RestockFilter } from './restock-model';

const ALERTS = Object.keys(ALERT_COLORS) as (keyof typeof ALERT_COLORS)[];
const ACTIONS = ['purchase', 'transfer'] as const;

type FilterKey = Exclude<keyof RestockFilter, 'search'>;
type Choices<K extends FilterKey> = readonly { value: RestockFilter[K] & string; label: string }[];

/** The filters in the order shown, each with its label and the test id its select carries. */
const FILTERS: readonly { key: FilterKey; label: MessageKey; testId: string }[] = [
  { key: 'location', label: 'field.location', testId: 'planner-location' },
  { key: 'supplier', label: 'planner.supplier', testId: 'planner-supplier' },
  { key: 'action', label: 'restock.action', testId: 'planner-action' },
  { key: 'alert', label: 'restock.alert', testId: 'planner-alert' },
  { key: 'heldBack', label: 'planner.heldBack', testId: 'planner-held-back' },
];

/** A filter that starts at "all" (cleared) and offers only `options`; anything else clears it. */
function FilterSelect<K extends FilterKey>({
  field,
  label,
  options,
  filter,
  onChange,
  testId,
}: {
  field: K;
  label: string;
  options: Choices<K>;
  filter: RestockFilter;
  onChange: (changes: Partial<RestockFilter>) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Select
      label={label}
      placeholder={t('planner.all')}
      data={options}
      value={filter[field]}
      onChange={(picked) => {
        const changes: Partial<RestockFilter> = {};
        changes[field] = options.find((option) => option.value === picked)?.value ?? NO_FILTER[field];
        onChange(changes);
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
  const choices: { [K in FilterKey]: Choices<K> } = {
    location: asOptions(options.locations),
    supplier: asOptions(options.suppliers),
    action: ACTIONS.map((action) => ({ value: action, label: t(`restock.action.${action}`) })),
    alert: [
      ...ALERTS.map((alert) => ({ value: alert, label: t(`alert.${alert}`) })),
      { value: 'none', label: t('planner.noAlert') },
    ],
    heldBack: [
      { value: 'any', label: t('planner.heldBackAny') },
      ...HELD_BACK_REASONS.map((reason) => ({ value: reason, label: t(`restock.heldBack.${reason}`) })),
    ],
  };
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
      {FILTERS.map(({ key, label, testId }) => (
        <FilterSelect
          key={key}
          field={key}
          label={t(label)}
          options={choices[key]}
          filter={filter}
          onChange={onChange}
          testId={testId}
        />
      ))}
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
