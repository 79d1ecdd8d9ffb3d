import { Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Member, Role } from '../api/types';
import { PasswordField } from '../components/common/password-field';
import { useCreateUser, useRemoveMember, useUsers } from './users.hooks';
import { useMe } from './auth.hooks';
import { MyInvitations, PendingInvitations, RoleBadge } from './invitations';
import { ConfirmButton } from '../components/common/confirm-button';
import { ExplainBar } from '../components/common/explain-bar';
import { OneOfSelect } from '../components/common/one-of-select';
import { useI18n } from '../i18n/i18n-context';
import { LOCALE_NAMES, toLocale } from '../i18n/locales';
import { QueryTable } from '../components/common/query-table';
import { useDialogAction } from '../components/common/dialog-action';
import { FormActions } from '../components/common/form-actions';
import { useCreateDialog } from '../components/common/use-create-dialog';
import { useFormFields } from '../components/common/use-form-fields';
import { fieldRules } from '../api/schema.gen';
import { credentialErrors } from './setup/schema';
import { MutationForm } from '../components/common/mutation-form';

const ROLES: Role[] = ['owner', 'manager', 'staff', 'viewer'];

function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const create = useCreateUser();
  const [role, setRole] = useState<Role>('staff');
  const { values, field, reset } = useFormFields(
    { email: '', name: '', password: '' },
    (key): string | undefined => {
      const error = touched && key !== 'name' ? errors[key] : undefined;
      return error ? t(error) : undefined;
    },
  );
  const { touched, close, submitWhen } = useCreateDialog({ mutation: create, clear: reset, onClose });
  const errors = credentialErrors(values, fieldRules.MemberCreate);
  const submit = submitWhen(Object.keys(errors).length === 0, () => ({
    email: values.email.trim(),
    password: values.password,
    role,
    ...(values.name.trim() ? { name: values.name.trim() } : {}),
  }));
  return (
    <Modal opened={opened} onClose={close} title={t('settings.addUser')}>
      <MutationForm onSubmit={submit} of={create}>
        <TextInput label={t('login.email')} type="email" required {...field('email')} data-autofocus />
        <TextInput label={t('setup.name')} {...field('name')} />
        <PasswordField
          label={t('settings.initialPassword')}
          description={t('setup.passwordHint')}
          required
          {...field('password')}
          autoComplete="new-password"
        />
        <OneOfSelect
          label={t('settings.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          value={role}
          onChange={setRole}
          testId="add-user-role"
        />
        <FormActions onCancel={close} loading={create.isPending} />
      </MutationForm>
    </Modal>
  );
}

function RemoveButton({ member }: { member: Member }) {
  const remove = useRemoveMember(member.userId);
  return (
    <ConfirmButton
      action="members.remove"
      vars={{ email: member.email, account: member.accountName }}
      mutation={remove}
      testId="remove-member"
    />
  );
}

export function UsersTab() {
  const { t } = useI18n();
  const users = useUsers();
  const me = useMe().data;
  const add = useDialogAction('users:manage', t('settings.addUser'), 'add-user');
  return (
    <Stack gap="lg">
      <MyInvitations />
      <Stack gap="sm">
        <ExplainBar action={add.button}>{t('members.explain')}</ExplainBar>
        <QueryTable
          query={users}
          testId="users-table"
          minWidth={640}
          rowKey={(user) => user.userId}
          columns={[
            { label: t('setup.name'), text: 'verbatim', cell: (user) => user.name ?? '—' },
            { label: t('login.email'), text: 'verbatim', cell: (user) => user.email },
            { label: t('settings.role'), cell: (user) => <RoleBadge role={user.role} /> },
            {
              label: t('header.language'),
              text: 'verbatim',
              cell: (user) => {
                const locale = toLocale(user.locale);
                return <span lang={locale ?? undefined}>{locale ? LOCALE_NAMES[locale] : user.locale}</span>;
              },
            },
            ...(add.allowed
              ? [
                  {
                    label: null,
                    cell: (user: Member) =>
                      user.userId === me?.user.id ? null : <RemoveButton member={user} />,
                  },
                ]
              : []),
          ]}
        />
      </Stack>
      {add.allowed ? <PendingInvitations /> : null}
      {add.allowed ? <AddUserModal opened={add.opened} onClose={add.close} /> : null}
    </Stack>
  );
}
