/** The customer account use cases bound to their dependencies (spread into the services object). */
import type { Clock, DisposableDomains, EmailDomainResolver, OutboxRepo, PasswordHasher, SignInAttemptRepo, Transactor } from '../ports.js';
import type { SettingsRepo } from '../settings/ports.js';
import type { OrderRepo, Order } from '../orders/ports.js';
import type { OrderPanelRepo } from '../orders/panel-ports.js';
import type { AccountRepo } from './ports.js';
import { signInCustomer } from './sign-in-customer.js';
import { registerCustomer, type Registration } from './register-customer.js';
import { checkResetToken, requestPasswordReset, resetPassword } from './password-reset.js';
import { confirmEmailChange, requestEmailChange } from './change-email.js';
import { changeCustomerPassword, updateCustomerProfile } from './update-profile.js';
import { customerOrder, customerOrderView } from './customer-orders.js';
import { withdrawOrder } from './withdraw-order.js';

export type AccountPorts = {
  accounts: AccountRepo;
  signInAttempts: SignInAttemptRepo;
  hasher: PasswordHasher;
  clock: Clock;
  outbox: OutboxRepo;
  transactor: Transactor;
  settings: SettingsRepo;
  publicUrl: string;
  emailDomains: EmailDomainResolver;
  disposableDomains: DisposableDomains;
  orders: OrderRepo;
  orderPanel: OrderPanelRepo;
};

/** Orders per page of the customer's order list. */
export const ACCOUNT_ORDERS_PAGE = 20;

export function accountServices(ports: AccountPorts) {
  return {
    registerCustomer: (input: Registration) => registerCustomer(ports, input),
    signInCustomer: (input: { email: string; password: string; ip: string }) => signInCustomer(ports, input),
    /** Loaded on every request of a signed-in customer, so blocking or deleting an account ends its sessions. */
    findCustomer: (id: number) => ports.accounts.findById(id),
    requestPasswordReset: (input: { email: string }) => requestPasswordReset(ports, input),
    checkResetToken: (token: string) => checkResetToken(ports, token),
    resetPassword: (input: { token: string; password: string }) => resetPassword(ports, input),
    requestEmailChange: (input: { customerId: number; newEmail: string; password: string; emailChecked?: string }) => requestEmailChange(ports, input),
    confirmEmailChange: (input: { token: string }) => confirmEmailChange(ports, input),
    updateCustomerProfile: (customerId: number, form: Record<string, string>) => updateCustomerProfile(ports, customerId, form),
    changeCustomerPassword: (input: { customerId: number; currentPassword: string; newPassword: string }) => changeCustomerPassword(ports, input),
    /** One page of the customer's orders (page 1: the newest); `pages` is at least 1. */
    customerOrders: async (customerId: number, page: number) => {
      const { rows, total } = await ports.accounts.orders(customerId, { limit: ACCOUNT_ORDERS_PAGE, offset: (page - 1) * ACCOUNT_ORDERS_PAGE });
      return { orders: rows, page, pages: Math.max(1, Math.ceil(total / ACCOUNT_ORDERS_PAGE)) };
    },
    customerOrder: (customerId: number, number: string) => customerOrder(ports, customerId, number),
    customerOrderView: (order: Order) => customerOrderView(ports, order),
    withdrawOrder: (input: { order: Order; reason: unknown; by: 'customer' | 'guest' }) => withdrawOrder(ports, input),
  };
}
