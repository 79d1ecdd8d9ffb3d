import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { PasswordField } from '../../components/common/password-field';
import { FailureAlert } from '../../components/common/error-alert';
import { PageLoader } from '../../components/common/page-loader';
import { useSetup, useSetupStatus } from '../auth.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { AuthCard } from '../../components/layout/auth-card';
import { validateSetup, type SetupForm } from './schema';
import { useFormFields } from '../../components/common/use-form-fields';

export default function SetupPage() {
  const { t } = useI18n();
  const status = useSetupStatus();
  const setup = useSetup();
  const navigate = useNavigate();
  const [touched, setTouched] = useState(false);
  const { values: form, field } = useFormFields<SetupForm>(
    { setupCode: '', accountName: '', name: '', email: '', password: '', confirm: '' },
    (key) => (touched && errors[key] ? t(errors[key]) : undefined),
  );
  const errors = validateSetup(form);

  if (status.isPending) return <PageLoader />;
  if (status.data && !status.data.needsSetup && !setup.isSuccess) {
    return (
      <Paper withBorder p="xl" radius="md" maw={420} mt="10vh">
        <Stack>
          <Title order={1} size="h3">
            {t('setup.doneTitle')}
          </Title>
          <Text>{t('setup.doneBody')}</Text>
          <Anchor component={Link} to="/login">
            {t('setup.goToLogin')}
          </Anchor>
        </Stack>
      </Paper>
    );
  }

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length > 0) return;
    const body = {
      setupCode: form.setupCode.trim(),
      accountName: form.accountName.trim(),
      email: form.email.trim(),
      password: form.password,
      ...(form.name.trim() ? { name: form.name.trim() } : {}),
    };
    setup.mutate(body, { onSuccess: () => void navigate('/', { replace: true }) });
  };

  return (
    <AuthCard page="setup" onSubmit={submit}>
      <FailureAlert of={setup} />
      <TextInput
        label={t('setup.code')}
        description={t('setup.codeHint')}
        autoComplete="off"
        required
        {...field('setupCode')}
      />
      <TextInput
        label={t('setup.accountName')}
        description={t('setup.accountNameHint')}
        required
        {...field('accountName')}
      />
      <TextInput label={t('setup.name')} autoComplete="name" {...field('name')} />
      <TextInput label={t('login.email')} type="email" autoComplete="username" required {...field('email')} />
      <PasswordField
        label={t('login.password')}
        description={t('setup.passwordHint')}
        autoComplete="new-password"
        required
        {...field('password')}
      />
      <PasswordField label={t('setup.confirm')} autoComplete="new-password" required {...field('confirm')} />
      <Button type="submit" loading={setup.isPending}>
        {t('setup.submit')}
      </Button>
    </AuthCard>
  );
}
