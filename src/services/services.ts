/** The use cases the edges (web, CLI, worker) call, bound to their dependencies once. */
import { createAdminUser, type NewAdmin } from './admin/create-admin-user.js';
import { ensureOwner } from './admin/ensure-owner.js';
import { signInAdmin } from './admin/sign-in-admin.js';
import { createApiToken, verifyApiToken } from './admin/api-tokens.js';
import type { AdminUserRepo, ApiTokenRepo, Clock, PasswordHasher, SignInAttemptRepo } from './ports.js';
import { settingsServices, type SettingsPorts } from './settings/settings-services.js';
import { catalogServices, type CatalogPorts } from './catalog/catalog-services.js';
import { mailServices, type MailPorts } from './mail/mail-services.js';
import { contentServices, type ContentPorts } from './content/content-services.js';
import { orderServices, type OrderPorts } from './orders/order-services.js';
import { cartServices, type CartPorts } from './cart/cart-services.js';
import { statsServices, type StatsPorts } from './stats/stats-services.js';
import { seedDemoShop } from './demo/seed-demo-shop.js';
import { accountServices, type AccountPorts } from './accounts/account-services.js';
import { customersServices, type CustomersPorts } from './customers/customers-services.js';
import { exportServices, type ExportPorts } from './exports/export-services.js';
import { invoiceServices, type InvoicePorts } from './invoices/invoice-services.js';
import { shippingServices, type ShippingPorts } from './shipping/shipping-services.js';
import { paymentServices, type PaymentPorts } from './payments/payment-services.js';
import { feedServices, type FeedPorts } from './feeds/feed-services.js';
import { discountServices, type DiscountPorts } from './discounts/discount-services.js';
import { marketingServices, type MarketingPorts } from './marketing/marketing-services.js';

export type Ports = AdminPorts & SettingsPorts & CatalogPorts & MailPorts & ContentPorts & OrderPorts & CartPorts & AccountPorts & CustomersPorts & StatsPorts & ExportPorts & InvoicePorts & ShippingPorts & PaymentPorts & FeedPorts & DiscountPorts & MarketingPorts;

type AdminPorts = {
  clock: Clock;
  hasher: PasswordHasher;
  adminUsers: AdminUserRepo;
  signInAttempts: SignInAttemptRepo;
  apiTokens: ApiTokenRepo;
};

/** Each area adds its own ports to `Ports` and its own use cases here, in one line each. */
export function createServices(ports: Ports) {
  const services = {
    ...adminServices(ports),
    ...settingsServices(ports),
    ...catalogServices(ports),
    ...mailServices(ports),
    ...contentServices(ports),
    ...orderServices(ports),
    ...cartServices(ports),
    ...accountServices(ports),
    ...customersServices(ports),
    ...statsServices(ports),
    ...exportServices(ports),
    ...invoiceServices(ports),
    ...shippingServices(ports),
    ...paymentServices(ports),
    ...feedServices(ports),
    ...discountServices(ports),
    ...marketingServices(ports),
  };
  return { ...services, seedDemoShop: () => seedDemoShop(services) };
}

function adminServices(ports: AdminPorts) {
  return {
    signInAdmin: (input: { email: string; password: string; ip: string }) => signInAdmin(ports, input),
    createAdminUser: (input: NewAdmin) => createAdminUser(ports, input),
    ensureOwner: (input: { email: string; password: string | null }) => ensureOwner(ports, input),
    findAdminUser: (id: number) => ports.adminUsers.findById(id),
    createApiToken: (input: { name: string; role?: string }) => createApiToken(ports, input),
    verifyApiToken: (token: string) => verifyApiToken(ports, token),
  };
}

export type Services = ReturnType<typeof createServices>;
