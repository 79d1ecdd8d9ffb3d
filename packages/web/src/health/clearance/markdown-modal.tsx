import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { usePermission } from '../../accounts/use-permission';
import { ApiError } from '../../api/client';
import { ErrorAlert, FailureAlert } from '../../components/common/error-alert';
import { useI18n } from '../../i18n/i18n-context';
import type { ExcessLine } from './clearance-model';
import { usePlanMarkdown, useRemoveEvent, useSkuEvents } from './clearance.hooks';
import {
  MARKDOWN_FIELDS,
  impliedEndsOn,
  initialMarkdownForm,
  markdownEvent,
  percentOf,
  plannedMarkdowns,
  priceAfter,
  sharedMarkdowns,
  type Coverage,
  type ForecastEvent,
  type MarkdownField,
  type MarkdownForm,
} from './markdown-model';

const today = () => new Date().toISOString().slice(0, 10);

/** The field a refusal names, when it is one of the form's. */
const refusedField = (error: unknown): MarkdownField | null =>
  error instanceof ApiError && (MARKDOWN_FIELDS as readonly (string | undefined)[]).includes(error.field)
    ? (error.field as MarkdownField)
    : null;

/** A price event's days and price change, as the list says it. */
function useMarkdownItem() {
  const { t, fmt } = useI18n();
  return (event: ForecastEvent) => {
    const factor = event.priceFactor ?? 1;
    const [from, to] = [fmt.date(event.startsOn), fmt.date(event.endsOn)];
    return {
      from,
      to,
      text: t('markdown.item', { from, to, factor: fmt.num(factor, 2), percent: fmt.pct(1 - factor) }),
    };
  };
}

/** What a shared event covers; a category is the seller's own name, left untranslated. */
function Covers({ covers }: { covers: Coverage }) {
  const { t, fmt } = useI18n();
  if (covers.kind === 'all') return <>{t('markdown.covers.all')}</>;
  if (covers.kind === 'skus') return <>{t('markdown.covers.skus', { count: fmt.int(covers.count) })}</>;
  return (
    <>
      {t('markdown.covers.category')} <span translate="no">{covers.category}</span>
    </>
  );
}

/**
 * The price events that also apply to the SKU (every SKU, its category, a list of SKUs): read-only
 * here, since removing one would change other SKUs' forecasts too.
 */
function SharedMarkdowns({ events, sku }: { events: readonly ForecastEvent[]; sku: string }) {
  const { t } = useI18n();
  const item = useMarkdownItem();
  const shared = sharedMarkdowns(events, sku);
  if (shared.length === 0) return null;
  return (
    <Stack gap={4} data-testid="shared-markdowns">
      <Text size="sm" fw={600}>
        {t('markdown.shared')}
      </Text>
      <List size="sm" spacing={4} listStyleType="none">
        {shared.map(({ event, covers }) => {
          return (
            <List.Item key={event.id} data-event-id={event.id}>
              <Text size="sm">
                <span translate="no">{event.name}</span> · {item(event).text} · <Covers covers={covers} />
              </Text>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}

/**
 * The markdowns already planned for the SKU, each removable by those who may plan, then the shared
 * price events that change its forecast too.
 */
function PlannedMarkdowns({ sku, canPlan }: { sku: string; canPlan: boolean }) {
  const { t } = useI18n();
  const item = useMarkdownItem();
  const events = useSkuEvents(sku, today());
  const remove = useRemoveEvent();
  const planned = events.data ? plannedMarkdowns(events.data.items, sku) : [];
  return (
    <>
      <Stack gap={4} data-testid="planned-markdowns">
        <Text size="sm" fw={600}>
          {t('markdown.planned')}
        </Text>
        <FailureAlert of={events} />
        <FailureAlert of={remove} />
        {events.data && planned.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('markdown.none')}
          </Text>
        ) : null}
        <List size="sm" spacing={4} listStyleType="none">
          {planned.map((event) => {
            const { from, to, text } = item(event);
            return (
              <List.Item key={event.id} data-event-id={event.id}>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm">{text}</Text>
                  {canPlan ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      loading={remove.isPending && remove.variables === event.id}
                      aria-label={t('markdown.removeFor', { from, to })}
                      onClick={() => {
                        remove.mutate(event.id);
                      }}
                    >
                      {t('markdown.remove')}
                    </Button>
                  ) : null}
                </Group>
              </List.Item>
            );
          })}
        </List>
      </Stack>
      {events.data ? <SharedMarkdowns events={events.data.items} sku={sku} /> : null}
    </>
  );
}

/** What the clearance advice says: the sale price and for how long, against the current price. */
function Advice({ line }: { line: ExcessLine }) {
  const { t, fmt } = useI18n();
  if (line.price === null) return null;
  return (
    <Text size="sm">
      {t('markdown.advised', { price: fmt.num(line.price, 2), days: fmt.int(line.durationDays ?? 0) })}{' '}
      {line.currentPrice !== null ? t('markdown.current', { price: fmt.num(line.currentPrice, 2) }) : null}
    </Text>
  );
}

/**
 * A markdown noted from the clearance advice: a price event for the SKU (new price ÷ current price over
 * its days) through the events API, which the SKU's forecast applies through its price response
 * (docs/forecasting.md, "Price response"). Viewers see the planned markdowns only.
 */
export function MarkdownModal({ line, onClose }: { line: ExcessLine; onClose: () => void }) {
  const { t, fmt } = useI18n();
  const canPlan = usePermission('catalog:write');
  const plan = usePlanMarkdown();
  const [form, setForm] = useState<MarkdownForm>(() => initialMarkdownForm(line, today()));
  const [missing, setMissing] = useState<MarkdownField | null>(null);
  const refused = missing ?? refusedField(plan.error);
  const errorOf = (field: MarkdownField) => (refused === field ? t(`markdown.invalid.${field}`) : undefined);
  const update = (key: keyof MarkdownForm) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setForm((previous) => ({ ...previous, [key]: value }));
    setMissing(null);
    plan.reset();
  };
  const implied = impliedEndsOn(form.startsOn, line.durationDays);
  const newPrice = priceAfter(line.currentPrice, percentOf(form.percentOff));
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const made = markdownEvent(
      { sku: line.sku, name: t('markdown.eventName'), durationDays: line.durationDays },
      form,
    );
    if ('field' in made) {
      setMissing(made.field);
      return;
    }
    plan.mutate(made.input);
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        // The SKU is data: marked so, it is left as it is in every language.
        <>
          {t('markdown.title')} <span translate="no">{line.sku}</span>
        </>
      }
      closeButtonProps={{ 'aria-label': t('common.cancel') }}
    >
      <Stack gap="sm">
        <Advice line={line} />
        {canPlan ? (
          <form onSubmit={submit} noValidate data-testid="markdown-form">
            <Stack gap="sm">
              {plan.isError && refusedField(plan.error) === null ? <ErrorAlert error={plan.error} /> : null}
              <Group grow align="flex-start">
                <TextInput
                  type="date"
                  label={t('markdown.startsOn')}
                  required
                  value={form.startsOn}
                  onChange={update('startsOn')}
                  error={errorOf('startsOn')}
                  data-testid="markdown-starts"
                />
                <TextInput
                  type="date"
                  label={t('markdown.endsOn')}
                  description={
                    implied === null
                      ? t('markdown.endsOnNeeded')
                      : t('markdown.endsOnDefault', {
                          date: fmt.date(implied),
                          days: fmt.int(line.durationDays ?? 0),
                        })
                  }
                  value={form.endsOn}
                  onChange={update('endsOn')}
                  error={errorOf('endsOn')}
                  data-testid="markdown-ends"
                />
              </Group>
              <TextInput
                label={t('markdown.percentOff')}
                inputMode="decimal"
                rightSection="%"
                required
                value={form.percentOff}
                onChange={update('percentOff')}
                description={
                  newPrice === null ? undefined : t('markdown.newPrice', { price: fmt.num(newPrice, 2) })
                }
                error={errorOf('priceFactor')}
                data-testid="markdown-percent"
              />
              <Text size="xs" c="dimmed">
                {t('markdown.forecastNote')}
              </Text>
              {plan.isSuccess ? (
                <Alert color="green" variant="light" role="status" data-testid="markdown-saved">
                  {t('markdown.saved')}
                </Alert>
              ) : null}
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={plan.isPending} data-testid="markdown-confirm">
                  {t('markdown.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Text size="sm" c="dimmed">
            {t('markdown.viewOnly')}
          </Text>
        )}
        <PlannedMarkdowns sku={line.sku} canPlan={canPlan} />
      </Stack>
    </Modal>
  );
}
