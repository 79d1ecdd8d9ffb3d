import {
  Alert,
  Code,
  NumberInput,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { ErrorAlert } from '../components/common/error-alert';
import { PageLoader } from '../components/common/page-loader';
import {
  useNotificationSettings,
  useSaveNotificationSettings,
  type NotificationSettings,
} from './notifications.hooks';
import { usePermission } from '../accounts/use-permission';
import { useI18n } from '../i18n/i18n-context';
import { notificationFormOf, notificationUpdateOf, type NotificationForm } from './notification-form-schema';
import { SaveActions } from '../components/common/form-actions';

function NotificationsForm({ settings, editable }: { settings: NotificationSettings; editable: boolean }) {
  const { t } = useI18n();
  const save = useSaveNotificationSettings();
  const [form, setForm] = useState<NotificationForm>(() => notificationFormOf(settings));
  const text = (key: keyof NotificationForm) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [key]: value }));
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    save.mutate(notificationUpdateOf(form), {
      onSuccess: () => {
        setForm((f) => ({ ...f, password: '', secret: '' }));
      },
    });
  };
  const ro = !editable;
  const toggle = { 'aria-label': t('common.togglePassword') };
  return (
    <form onSubmit={submit} noValidate data-testid="notifications-form">
      <Stack gap="md">
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={3} size="h5">
              {t('notify.emailTitle')}
            </Title>
            <Switch
              label={t('notify.emailOn')}
              checked={form.emailOn}
              disabled={ro}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setForm((f) => ({ ...f, emailOn: on }));
              }}
              data-testid="notify-email-on"
            />
            {form.emailOn ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('notify.host')}
                  required
                  readOnly={ro}
                  value={form.host}
                  onChange={text('host')}
                  data-testid="notify-host"
                />
                <NumberInput
                  label={t('notify.port')}
                  required
                  readOnly={ro}
                  min={1}
                  max={65535}
                  allowDecimal={false}
                  value={form.port}
                  onChange={(v) => {
                    setForm((f) => ({ ...f, port: Number(v) || 587 }));
                  }}
                />
                <TextInput
                  label={t('notify.user')}
                  readOnly={ro}
                  value={form.user}
                  onChange={text('user')}
                  autoComplete="off"
                />
                <PasswordInput
                  visibilityToggleButtonProps={toggle}
                  label={t('notify.password')}
                  description={settings.smtp?.passwordSet ? t('notify.passwordKept') : undefined}
                  readOnly={ro}
                  value={form.password}
                  onChange={text('password')}
                  autoComplete="new-password"
                />
                <TextInput
                  label={t('notify.from')}
                  type="email"
                  required
                  readOnly={ro}
                  value={form.from}
                  onChange={text('from')}
                  data-testid="notify-from"
                />
                <Switch
                  label={t('notify.secure')}
                  checked={form.secure}
                  disabled={ro}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setForm((f) => ({ ...f, secure: on }));
                  }}
                  mt="lg"
                />
              </SimpleGrid>
            ) : null}
            <Textarea
              label={t('notify.recipients')}
              description={t('notify.recipientsHint')}
              readOnly={ro}
              value={form.recipients}
              onChange={text('recipients')}
              autosize
              minRows={2}
              translate="no"
              data-testid="notify-recipients"
            />
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={3} size="h5">
              {t('notify.webhookTitle')}
            </Title>
            <Switch
              label={t('notify.webhookOn')}
              checked={form.webhookOn}
              disabled={ro}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setForm((f) => ({ ...f, webhookOn: on }));
              }}
              data-testid="notify-webhook-on"
            />
            {form.webhookOn ? (
              <>
                <TextInput
                  label={t('notify.url')}
                  type="url"
                  required
                  readOnly={ro}
                  value={form.url}
                  onChange={text('url')}
                  data-testid="notify-url"
                />
                <PasswordInput
                  visibilityToggleButtonProps={toggle}
                  label={t('notify.secret')}
                  description={t(settings.webhook?.secretSet ? 'notify.secretKept' : 'notify.secretNew')}
                  readOnly={ro}
                  value={form.secret}
                  onChange={text('secret')}
                  autoComplete="new-password"
                />
                <Text size="xs" c="dimmed">
                  {t('notify.signature')}
                </Text>
              </>
            ) : null}
          </Stack>
        </Paper>
        {save.data?.webhookSecret ? (
          <Alert color="yellow" variant="light" title={t('notify.secretOnceTitle')}>
            <Text size="sm">{t('tokens.shownOnce')}</Text>
            <Code block translate="no" data-testid="notify-secret" style={{ wordBreak: 'break-all' }}>
              {save.data.webhookSecret}
            </Code>
          </Alert>
        ) : null}
        {editable ? (
          <SaveActions loading={save.isPending} saved={save.isSuccess} testId="notify-save" />
        ) : null}
      </Stack>
    </form>
  );
}

/** Where alerts go: an e-mail digest through the seller's SMTP server and a signed webhook. */
export function NotificationsTab() {
  const { t } = useI18n();
  const settings = useNotificationSettings();
  const canEdit = usePermission('catalog:write');
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('notify.explain')}
      </Text>
      {settings.isPending ? <PageLoader /> : null}
      {settings.isError ? <ErrorAlert error={settings.error} /> : null}
      {settings.data ? <NotificationsForm settings={settings.data} editable={canEdit} /> : null}
    </Stack>
  );
}
