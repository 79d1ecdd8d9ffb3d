import { Command } from 'commander';
import { STOCKWISE_VERSION } from '@stockwise/server/platform/version';
import { registerAdminCommands } from './commands/admin';
import { registerForecastCommands } from './commands/forecast';
import { registerRestockCommands } from './commands/restock';
import { registerChannelCommands } from './commands/channel';
import { registerExportCommands } from './commands/export';
import { registerImportCommands } from './commands/import';
import { registerServeCommands } from './commands/serve';
import { registerReportCommands } from './commands/report';
import { registerBackupCommands } from './commands/backup';

const program = new Command('stockwise')
  .description('Stockwise — inventory planning for e-commerce sellers')
  .version(STOCKWISE_VERSION)
  .showHelpAfterError();

registerServeCommands(program);
registerAdminCommands(program);
registerForecastCommands(program);
registerRestockCommands(program);
registerImportCommands(program);
registerExportCommands(program);
registerChannelCommands(program);
registerReportCommands(program);
registerBackupCommands(program);

await program.parseAsync(process.argv);
