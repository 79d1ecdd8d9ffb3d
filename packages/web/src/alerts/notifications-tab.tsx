import {
  Alert,
  Code,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type Dispatch, type ReactNode, type SetStateAction, type SyntheticEvent } from 'react';
import { QueryStates } from '../components/common/query-states';
import {
  useNotificationSettings,
  useSaveNotificationSettings,
  type NotificationSettings,
} from './notifications.hooks';
import { usePermission } from '../accounts/use-permission';
import { useI18n } from '../i18n/i18n-context';
import { notificationFormOf, notificationUpdateOf, type NotificationForm } from './notification-form-schema';
import { SaveActions } from '../components/common/form-actions';
import { PasswordField } from '../components/common/password-field';
import { MutationForm } from '../components/common/mutation-form';

type SetForm = Dispatch<SetStateAction<NotificationForm>>;

/** What every field of the form needs: the values, the setter and whether the user may edit. */
interface FieldsProps {
  form: NotificationForm;
  setForm: SetForm;
  readOnly: boolean;
}

type KeyOf<V> = {
  [K in keyof NotificationForm]: NotificationForm[K] extends V ? K : never;
}[keyof NotificationForm];

/** Binds the form's fields to inputs: value (or checked), change handler, and read-only when the user may not edit. */
const binders = ({ form, setForm, readOnly }: FieldsProps) => {
  const set = <K extends keyof NotificationForm>(key: K, value: NotificationForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
  };
  return {
    text: (key: KeyOf<string>) => ({
      readOnly,
      value: form[key],
      onChange: (e: { currentTarget: { value: string } }) => {
        set(key, e.currentTarget.value);
      },
    }),
    check: (key: KeyOf<boolean>) => ({
      disabled: readOnly,
      checked: form[key],
      onChange: (e: { currentTarget: { checked: boolean } }) => {
        set(key, e.currentTarget.checked);
      },
    }),
  };
};

/** One way out (e-mail, webhook): a titled panel with its on/off switch; its fields show while it is on. */
/** A channel's panel: its title and on switch (the `notify.<channel>Title` and `notify.<channel>On` messages). */
function ChannelSection({
  channel,
  fields,
  children,
}: {
  channel: 'email' | 'webhook';
  fields: FieldsProps;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t(`notify.${channel}Title`)}
        </Title>
        <Switch
          label={t(`notify.${channel}On`)}
          {...binders(fields).check(`${channel}On`)}
          data-testid={`notify-${channel}-on`}
        />
        {children}
      </Stack>
    </Paper>
  );
}

function SmtpFields({ fields, passwordSet }: { fields: FieldsProps; passwordSet: boolean }) {
  const { t } = useI18n();
  const { form, setForm, readOnly: ro } = fields;
  const bind = binders(fields);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('notify.host')} required {...bind.text('host')} data-testid="notify-host" />
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
      <TextInput label={t('notify.user')} {...bind.text('user')} autoComplete="off" />
      <PasswordField
        label={t('notify.password')}
        description={passwordSet ? t('notify.passwordKept') : undefined}
        {...bind.text('password')}
        autoComplete="new-password"
      />
      <TextInput
        label={t('notify.from')}
        type="email"
        required
        {...bind.text('from')}
        data-testid="notify-from"
      />
      <Switch label={t('notify.secure')} {...bind.check('secure')} mt="lg" />
    </SimpleGrid>
  );
}

function WebhookFields({ fields, secretSet }: { fields: FieldsProps; secretSet: boolean }) {
  const { t } = useI18n();
  const bind = binders(fields);
  return (
    <>
      <TextInput label={t('notify.url')} type="url" required {...bind.text('url')} data-testid="notify-url" />
      <PasswordField
        label={t('notify.secret')}
        description={t(secretSet ? 'notify.secretKept' : 'notify.secretNew')}
        {...bind.text('secret')}
        autoComplete="new-password"
      />
      <Text size="xs" c="dimmed">
        {t('notify.signature')}
      </Text>
    </>
  );
}

function NotificationsForm({ settings, editable }: { settings: NotificationSettings; editable: boolean }) {
  const { t } = useI18n();
  const save = useSaveNotificationSettings();
  const [form, setForm] = useState<NotificationForm>(() => notificationFormOf(settings));
  const fields: FieldsProps = { form, setForm, readOnly: !editable };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    save.mutate(notificationUpdateOf(form), {
      onSuccess: () => {
        setForm((f) => ({ ...f, password: '', secret: '' }));
      },
    });
  };
  return (
    <MutationForm onSubmit={submit} of={save} testId="notifications-form" gap="md">
      <ChannelSection channel="email" fields={fields}>
        {form.emailOn ? (
          <SmtpFields fields={fields} passwordSet={settings.smtp?.passwordSet ?? false} />
        ) : null}
        <Textarea
          label={t('notify.recipients')}
          description={t('notify.recipientsHint')}
          {...binders(fields).text('recipients')}
          autosize
          minRows={2}
          translate="no"
          data-testid="notify-recipients"
        />
      </ChannelSection>
      <ChannelSection channel="webhook" fields={fields}>
        {form.webhookOn ? (
          <WebhookFields fields={fields} secretSet={settings.webhook?.secretSet ?? false} />
        ) : null}
      </ChannelSection>
      {save.data?.webhookSecret ? (
        <Alert color="yellow" variant="light" title={t('notify.secretOnceTitle')}>
          <Text size="sm">{t('tokens.shownOnce')}</Text>
          <Code block translate="no" data-testid="notify-secret" style={{ wordBreak: 'break-all' }}>
            {save.data.webhookSecret}
          </Code>
        </Alert>
      ) : null}
      {editable ? <SaveActions loading={save.isPending} saved={save.isSuccess} testId="notify-save" /> : null}
    </MutationForm>
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
      <QueryStates query={settings} />
      {settings.data ? <NotificationsForm settings={settings.data} editable={canEdit} /> : null}
    </Stack>
  );
}
