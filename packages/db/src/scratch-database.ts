import { randomBytes } from 'node:crypto';
import { openPostgresDatabase } from './postgres-database';

/** A throw-away database on the PostgreSQL server of `adminUrl` (tests, benchmarks). */
export interface ScratchDatabase {
  name: string;
  /** Its connection URL: `adminUrl` with the new database's name. */
  url: string;
  /** Drops it, closing the connections still open to it. */
  drop: () => Promise<void>;
}

/**
 * Creates a database named `prefix` + random hex on the server `adminUrl` points to: empty, or a copy
 * of `options.template` (a database no one is connected to).
 */
export async function createScratchDatabase(
  adminUrl: string,
  prefix: string,
  options: { template?: string } = {},
): Promise<ScratchDatabase> {
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  await onServer(
    adminUrl,
    `CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ''}`,
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => onServer(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** One statement on a connection of its own, closed afterwards (CREATE/ALTER/DROP DATABASE). */
export async function onServer(adminUrl: string, statement: string): Promise<void> {
  const admin = openPostgresDatabase(adminUrl, { max: 1 });
  try {
    await admin.exec(statement);
  } finally {
    await admin.close();
  }
}
