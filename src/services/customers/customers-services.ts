/** The Customers panel use cases bound to their dependencies (spread into the services object). */
import { DomainError } from '../../domain/errors.js';
import { customerSubject, anonymizeSubject, deleteCustomer, exportCustomerData, guestSubject } from './customer-gdpr.js';
import { emailCustomerAccount, setCustomerBlocked, setCustomerNote } from './customer-actions.js';
import { findCustomerOrFail, type CustomersDeps } from './deps.js';
import type { CustomerListQuery, GuestListQuery } from './ports.js';
import { createCustomer, patchCustomer } from './save-customer.js';

export type CustomersPorts = CustomersDeps;

export function customersServices(ports: CustomersPorts) {
  return {
    listCustomers: (query: CustomerListQuery) => ports.customersPanel.list(query),
    listGuestBuyers: (query: GuestListQuery) => ports.customersPanel.listGuests(query),
    getCustomer: (id: number) => findCustomerOrFail(ports, id),
    /** The profile: the account, its orders, the emails sent to it and the shop's log. */
    async customerProfile(id: number) {
      const customer = await findCustomerOrFail(ports, id);
      const subject = { customerId: customer.id, email: customer.email };
      const [orders, emails, events] = await Promise.all([ports.customersPanel.orders(subject), ports.customersPanel.emails(subject), ports.customersPanel.events(customer.id)]);
      return { customer, orders, emails, events };
    },
    /** A one-time buyer's page: every order under the email and the emails sent to it. */
    async guestProfile(email: unknown) {
      const subject = await guestSubject(ports, email);
      const [orders, emails] = await Promise.all([ports.customersPanel.orders(subject), ports.customersPanel.emails(subject)]);
      return { email: subject.guestEmail, orders, emails };
    },
    createCustomer: (data: unknown) => createCustomer(ports, data),
    patchCustomer: (id: number, data: unknown) => patchCustomer(ports, id, data),
    deleteCustomer: (id: number, actor: string) => deleteCustomer(ports, id, actor),
    setCustomerBlocked: (input: { id: number; blocked: boolean; actor: string }) => setCustomerBlocked(ports, input),
    setCustomerNote: (input: { id: number; note: unknown; actor: string }) => setCustomerNote(ports, input),
    emailCustomerAccount: (input: { id: number; subject: unknown; body: unknown; actor: string }) => emailCustomerAccount(ports, input),
    exportCustomerData: async (id: number, actor: string) => exportCustomerData(ports, await customerSubject(ports, id), actor),
    exportGuestData: async (email: unknown, actor: string) => exportCustomerData(ports, await guestSubject(ports, email), actor),
    async anonymizeCustomer(id: number, actor: string) {
      const customer = await findCustomerOrFail(ports, id);
      if (customer.anonymizedAt) throw new DomainError('conflict', 'already anonymized');
      return anonymizeSubject(ports, { customerId: customer.id, email: customer.email }, actor);
    },
    anonymizeGuest: async (email: unknown, actor: string) => anonymizeSubject(ports, await guestSubject(ports, email), actor),
  };
}
