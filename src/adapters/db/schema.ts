/**
 * All tables as Kysely sees them, one interface per area (each in its own *-schema.ts).
 * On both databases instants are ISO-8601 UTC strings, flags are 0/1, money is integer haléře.
 */
import type { AdminTables } from './admin-schema.js';

export type Database = AdminTables;
