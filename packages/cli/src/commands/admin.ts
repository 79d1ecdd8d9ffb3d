import type { Command } from 'commander';
import { Option } from 'commander';
import { ROLES } from '@stockwise/domain/accounts/roles';
import type { Role } from '@stockwise/domain/accounts/roles';
import type { StorageFlags } from '../options';
import { print, reporting, runAdminCommand, withStorage } from '../options';

export function registerAdminCommands(program: Command): void {
  const user = program.command('user').description('manage users');
  withStorage(
    user.command('create').description('create a user in an account (the account is created if new)'),
  )
    .addOption(new Option('--account <name>', 'account name').env('STOCKWISE_ACCOUNT').makeOptionMandatory())
    .addOption(new Option('--email <email>', 'login email').env('STOCKWISE_EMAIL').makeOptionMandatory())
    .addOption(
      new Option('--password <password>', 'password (8+ characters)')
        .env('STOCKWISE_PASSWORD')
        .makeOptionMandatory(),
    )
    .addOption(new Option('--role <role>', 'role').choices(ROLES).default('owner').env('STOCKWISE_ROLE'))
    .addOption(new Option('--name <name>', 'display name'))
    .action(
      reporting(
        async (
          flags: StorageFlags & {
            account: string;
            email: string;
            password: string;
            role: Role;
            name?: string;
          },
        ) => {
          if (flags.password.length < 8) throw new Error('--password must have at least 8 characters');
          const member = await runAdminCommand(flags, {
            command: 'user.create',
            account: flags.account,
            email: flags.email,
            password: flags.password,
            role: flags.role,
            ...(flags.name ? { name: flags.name } : {}),
          });
          print(
            flags,
            member,
            `${String(member['email'])} is ${String(member['role'])} of ${String(member['account'])}`,
          );
        },
      ),
    );

  withStorage(
    user.command('remove').description('remove a member from an account (their tokens are revoked)'),
  )
    .addOption(new Option('--account <name>', 'account name').env('STOCKWISE_ACCOUNT').makeOptionMandatory())
    .addOption(new Option('--email <email>', "the member's email").makeOptionMandatory())
    .action(
      reporting(async (flags: StorageFlags & { account: string; email: string }) => {
        const removed = await runAdminCommand(flags, {
          command: 'user.remove',
          account: flags.account,
          email: flags.email,
        });
        print(flags, removed, `${String(removed['email'])} is no longer a member of ${flags.account}`);
      }),
    );

  const token = program.command('token').description('manage API tokens');
  withStorage(token.command('create').description('create an API token (printed once)'))
    .addOption(
      new Option('--email <email>', 'the user the token acts as')
        .env('STOCKWISE_EMAIL')
        .makeOptionMandatory(),
    )
    .addOption(new Option('--name <name>', 'what the token is for').default('cli'))
    .addOption(
      new Option('--account <name>', 'account, when the user is in several').env('STOCKWISE_ACCOUNT'),
    )
    .action(
      reporting(async (flags: StorageFlags & { email: string; name: string; account?: string }) => {
        const created = await runAdminCommand(flags, {
          command: 'token.create',
          email: flags.email,
          name: flags.name,
          ...(flags.account ? { account: flags.account } : {}),
        });
        print(flags, created, String(created['token']));
      }),
    );
}
