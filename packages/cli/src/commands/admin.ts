import type { Command} from 'commander';
import { Option } from 'commander';
import { ROLES } from '@stockwise/domain/auth/roles';
import type { Role } from '@stockwise/domain/auth/roles';
import type { StorageFlags } from '../options';
import { print, reportError, withStockwise, withStorage } from '../options';

export function registerAdminCommands(program: Command): void {
  const user = program.command('user').description('manage users');
  withStorage(user.command('create').description('create a user in an account (the account is created if new)'))
    .addOption(new Option('--account <name>', 'account name').env('STOCKWISE_ACCOUNT').makeOptionMandatory())
    .addOption(new Option('--email <email>', 'login email').env('STOCKWISE_EMAIL').makeOptionMandatory())
    .addOption(new Option('--password <password>', 'password (8+ characters)').env('STOCKWISE_PASSWORD').makeOptionMandatory())
    .addOption(new Option('--role <role>', 'role').choices(ROLES).default('owner').env('STOCKWISE_ROLE'))
    .addOption(new Option('--name <name>', 'display name'))
    .action(async (flags: StorageFlags & { account: string; email: string; password: string; role: Role; name?: string }) => {
      try {
        if (flags.password.length < 8) throw new Error('--password must have at least 8 characters');
        const member = await withStockwise(flags, (sw) => sw.auth.createUser(flags.account, { email: flags.email, password: flags.password, role: flags.role, name: flags.name }, { resetPassword: true }));
        print(flags, { account: member.accountName, accountId: member.accountId, email: member.email, role: member.role }, `${member.email} is ${member.role} of ${member.accountName}`);
      } catch (error) {
        reportError(error, Boolean(flags.json));
      }
    });

  const token = program.command('token').description('manage API tokens');
  withStorage(token.command('create').description('create an API token (printed once)'))
    .addOption(new Option('--email <email>', 'the user the token acts as').env('STOCKWISE_EMAIL').makeOptionMandatory())
    .addOption(new Option('--name <name>', 'what the token is for').default('cli'))
    .addOption(new Option('--account <name>', 'account, when the user is in several').env('STOCKWISE_ACCOUNT'))
    .action(async (flags: StorageFlags & { email: string; name: string; account?: string }) => {
      try {
        const created = await withStockwise(flags, (sw) => sw.auth.createTokenForEmail(flags.email, flags.name, flags.account));
        print(flags, { token: created.token, id: created.record.id, account: created.accountName }, created.token);
      } catch (error) {
        reportError(error, Boolean(flags.json));
      }
    });
}
