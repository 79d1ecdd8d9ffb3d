import { Anchor, Button, TextInput } from '@mantine/core';
import type { SyntheticEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PasswordField } from '../../components/common/password-field';
import { ErrorAlert } from '../../components/common/error-alert';
import { safeNext } from '../../components/layout/auth-layout';
import { useLogin, useSetupStatus } from '../auth.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { AuthCard } from '../../components/layout/auth-card';
import { useFormFields } from '../../components/common/use-form-fields';

export default function LoginPage() {
  const { t } = useI18n();
  const login = useLogin();
  const setup = useSetupStatus();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { values, field } = useFormFields({ email: '', password: '' });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    login.mutate(
      { email: values.email.trim(), password: values.password },
      { onSuccess: () => void navigate(safeNext(params.get('next')), { replace: true }) },
    );
  };

  return (
    <AuthCard page="login" onSubmit={submit}>
      {login.isError ? <ErrorAlert error={login.error} title={t('login.failed')} /> : null}
      <TextInput
        label={t('login.email')}
        type="email"
        autoComplete="username"
        required
        {...field('email')}
        data-autofocus
        autoFocus
      />
      <PasswordField
        label={t('login.password')}
        autoComplete="current-password"
        required
        {...field('password')}
      />
      <Button type="submit" loading={login.isPending} disabled={!values.email || !values.password}>
        {t('login.submit')}
      </Button>
      {setup.data?.needsSetup ? (
        <Anchor component={Link} to="/setup" size="sm">
          {t('login.needsSetup')}
        </Anchor>
      ) : null}
    </AuthCard>
  );
}
