/** Reads the environment once (the only reader of process.env) into a frozen, typed config. */
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const schema = z.object({
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || isPostgresUrl(v), 'must be a postgres://user@host:port/database URL (or unset for SQLite in DATA_DIR)'),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  PORT: z
    .string()
    .default('3000')
    .refine((v) => /^\d{1,5}$/.test(v) && Number(v) <= 65535, 'must be a whole number from 0 to 65535')
    .transform(Number),
  PUBLIC_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || isHttpUrl(v), 'must be an absolute http:// or https:// URL'),
  SMTP_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || isSmtpUrl(v), 'must be smtp://[user:pass@]host:port or smtps://…'),
  SEED_DEMO: z.enum(['0', '1'], 'must be 0 or 1').default('1'),
  CARRIER_DEMO: z.enum(['0', '1'], 'must be 0 or 1').default('1'),
  ADMIN_EMAIL: z.email('must be an email address').default('admin@example.com'),
  ADMIN_PASSWORD: z.string().min(10, 'must have at least 10 characters').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`).default('info'),
});

export type Config = Readonly<{
  dataDir: string;
  database: Readonly<{ kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }>;
  host: string;
  port: number;
  publicUrl: string;
  smtpUrl: string | null;
  seedDemo: boolean;
  /** A carrier without credentials in Configuration is served by the built-in demo carrier (labelled so in the admin). */
  carrierDemo: boolean;
  adminEmail: string;
  adminPassword: string | null;
  logLevel: (typeof LOG_LEVELS)[number];
}>;

/** A bad variable: the message is the one line start-up prints before exiting. */
export class ConfigError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`${variable} ${reason}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankToUndefined = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = schema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const got = env[variable];
    throw new ConfigError(variable, `${issue.message}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const publicHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  return Object.freeze({
    dataDir,
    database: Object.freeze(
      e.DATABASE_URL ? { kind: 'postgres' as const, url: e.DATABASE_URL } : { kind: 'sqlite' as const, file: path.join(dataDir, 'kramek.sqlite') },
    ),
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://${publicHost.includes(':') ? `[${publicHost}]` : publicHost}:${e.PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL ?? null,
    seedDemo: e.SEED_DEMO === '1',
    carrierDemo: e.CARRIER_DEMO === '1',
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD ?? null,
    logLevel: e.LOG_LEVEL,
  });
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function isPostgresUrl(value: string): boolean {
  const url = parseUrl(value);
  return !!url && (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
}

function isHttpUrl(value: string): boolean {
  const url = parseUrl(value);
  return !!url && (url.protocol === 'http:' || url.protocol === 'https:');
}

function isSmtpUrl(value: string): boolean {
  const url = parseUrl(value);
  return !!url && (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
}
