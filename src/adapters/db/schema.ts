/**
 * All tables as Kysely sees them, one interface per area (each in its own *-schema.ts).
 * On both databases instants are ISO-8601 UTC strings, flags are 0/1, money is integer haléře.
 */
import type { AdminTables } from './admin-schema.js';
import type { SettingsTables } from './settings-schema.js';
import type { CatalogTables } from './catalog-schema.js';
import type { OutboxTables } from './outbox-schema.js';
import type { ContentTables } from './content-schema.js';
import type { OrderTables } from './orders-schema.js';
import type { OrderPanelTables } from './order-panel-schema.js';
import type { CartTables } from './cart-schema.js';
import type { AccountTables } from './account-schema.js';
import type { CustomersPanelTables } from './customers-panel-schema.js';
import type { StatsTables } from './stats-schema.js';
import type { InvoiceTables } from './invoice-schema.js';
import type { CarrierTables } from './carriers-schema.js';
import type { PaymentTables } from './payments-schema.js';
import type { MarketingTables } from './marketing-schema.js';

export type Database = AdminTables & SettingsTables & CatalogTables & OutboxTables & ContentTables & OrderTables & OrderPanelTables & CartTables & AccountTables & CustomersPanelTables & StatsTables & InvoiceTables & CarrierTables & PaymentTables & MarketingTables;
