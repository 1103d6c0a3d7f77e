/** The seven admin panels in navigation order: bookmarked Czech paths from CONTRACT.md, labels and icons. */
import type { MessageKey } from '../i18n/messages.js';
import type { AdminRole } from '../../domain/admin/roles.js';

export type PanelKey = 'orders' | 'products' | 'categories' | 'customers' | 'settings' | 'content' | 'stats';

export type Panel = { key: PanelKey; path: string; label: MessageKey; lead: MessageKey; role: AdminRole; icon: string };

// 24×24 outline icon paths (stroke only), so they inherit the text colour.
export const PANELS: readonly Panel[] = [
  { key: 'orders', path: '/admin/objednavky', label: 'nav.orders', lead: 'panel.orders.lead', role: 'staff', icon: 'M4 4h16v16H4zM8 9h8M8 13h8M8 17h5' },
  { key: 'products', path: '/admin/zbozi', label: 'nav.products', lead: 'panel.products.lead', role: 'staff', icon: 'M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10' },
  { key: 'categories', path: '/admin/kategorie', label: 'nav.categories', lead: 'panel.categories.lead', role: 'staff', icon: 'M4 5h6v6H4zM14 5h6v6h-6zM4 15h6v5H4zM14 15h6v5h-6z' },
  { key: 'customers', path: '/admin/zakaznici', label: 'nav.customers', lead: 'panel.customers.lead', role: 'staff', icon: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6' },
  { key: 'settings', path: '/admin/konfigurace', label: 'nav.settings', lead: 'panel.settings.lead', role: 'owner', icon: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1' },
  { key: 'content', path: '/admin/obsah', label: 'nav.content', lead: 'panel.content.lead', role: 'staff', icon: 'M6 3h9l4 4v14H6zM14 3v5h5M9 13h7M9 17h7' },
  { key: 'stats', path: '/admin/statistiky', label: 'nav.stats', lead: 'panel.stats.lead', role: 'staff', icon: 'M4 20V10M10 20V4M16 20v-7M22 20H2' },
];
