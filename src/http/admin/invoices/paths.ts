/** Where the Orders panel's documents live: the Invoices list, one document's files and its credit note form. */
export const INVOICES_PATH = '/admin/objednavky/doklady';
export const invoicePath = (id: number) => `${INVOICES_PATH}/${id}`;
export const issuePath = (orderNumber: string) => `/admin/objednavky/${orderNumber}/faktura`;
