/** The order's PDF view model, from the order's own snapshot and today's Configuration (seller, flags, images). */
import type { OrderDocument } from '../../domain/documents/order-document.js';
import type { Settings } from '../../domain/settings/settings.js';
import type { Order } from './ports.js';

export function buildOrderDocument(order: Order, settings: Settings, images: { logo: Buffer | null; stamp: Buffer | null }): OrderDocument {
  const { shop, documents } = settings;
  return {
    locale: order.locale,
    number: order.number,
    createdAt: order.createdAt,
    status: order.status,
    seller: {
      name: shop.name,
      legalName: shop.legalName,
      ico: shop.ico,
      dic: shop.dic,
      address: { street: shop.street, city: shop.city, zip: shop.zip, country: shop.country },
      email: shop.email,
      phone: shop.phone,
      web: shop.web,
    },
    showContacts: documents.showContacts,
    showBankAccounts: documents.showBankAccounts,
    showLogo: documents.showLogo,
    showStamp: documents.showStamp,
    footer: documents.footer,
    logo: images.logo,
    stamp: images.stamp,
    bankAccounts: shop.bankAccounts,
    buyer: {
      name: order.name,
      company: order.company,
      ico: order.ico,
      dic: order.dic,
      email: order.email,
      phone: order.phone,
      billingAddress: order.billingAddress,
      shippingAddress: order.shippingAddress,
    },
    items: order.items,
    shipping: { name: order.shipping.name, price: order.shipping.price, vatRate: order.shipping.vatRate },
    pickupPoint: order.pickupPoint,
    // The document decides on bank details and the QR code by the kind of payment, whatever the owner named the method.
    payment: { code: order.payment.kind, name: order.payment.name, price: order.payment.price, vatRate: order.payment.vatRate, variableSymbol: order.variableSymbol },
    note: order.note,
    discount: order.discount,
    total: order.total,
  };
}
