/** The admin frame: left navigation with the seven panels, a slim top bar, the main column. */
import type { ComponentChildren } from 'preact';
import { PANELS, type PanelKey } from '../admin/panels.js';
import { roleAllows, type AdminRole } from '../../domain/admin/roles.js';
import { CsrfField, FlashMessage, Icon, type Flash } from './components.js';
import { LanguageSwitch } from './language-switch.js';
import type { PageContext } from './page-context.js';

export type AdminFrame = { name: string; role: AdminRole; csrfToken: string; newOrders?: number };

export function AdminLayout(props: {
  ctx: PageContext;
  title: string;
  admin: AdminFrame;
  current: PanelKey | 'home';
  flash?: Flash | null;
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { ctx, admin } = props;
  const { t } = ctx;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} · ${ctx.shopName} · ${t('admin.title')}`}</title>
        <link rel="stylesheet" href={ctx.stylesheet} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          {t('admin.skip')}
        </a>
        <header class="admin-topbar">
          <a class="brand" href="/admin">
            {ctx.shopName}
          </a>
          <a class="topbar-link" href="/">
            {t('admin.storefront')}
          </a>
          <span class="topbar-user">
            {t('admin.signedInAs', { name: admin.name })} <small>({t(`admin.role.${admin.role}`)})</small>
          </span>
          <LanguageSwitch ctx={ctx} />
          <form method="post" action="/admin/odhlaseni" class="inline-form">
            <CsrfField token={admin.csrfToken} />
            <button type="submit" class="button-link">
              {t('admin.signOut')}
            </button>
          </form>
        </header>
        <div class="admin-frame">
          <nav class="admin-nav" aria-label={t('nav.main')}>
              <ul>
                {PANELS.filter((p) => roleAllows(admin.role, p.role)).map((panel) => (
                  <li key={panel.key}>
                    <a href={panel.path} aria-current={props.current === panel.key ? 'page' : undefined}>
                      <Icon path={panel.icon} />
                      <span>{t(panel.label)}</span>
                      {panel.key === 'orders' && admin.newOrders ? <span class="nav-badge">{admin.newOrders}</span> : null}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          <main id="main" class="admin-main" tabIndex={-1}>
            <div class="page-head">
              <h1>{props.title}</h1>
              {props.actions && <div class="page-actions">{props.actions}</div>}
            </div>
            <FlashMessage flash={props.flash} />
            {props.children}
          </main>
        </div>
      </body>
    </html>
  );
}

/** A bare page (sign-in, errors) in the admin look, without navigation. */
export function BareLayout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const { ctx } = props;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} · ${ctx.shopName}`}</title>
        <link rel="stylesheet" href={ctx.stylesheet} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body class="bare">
        <main id="main" class="bare-main">
          <p class="bare-brand">{ctx.shopName}</p>
          {props.children}
          <LanguageSwitch ctx={ctx} />
        </main>
      </body>
    </html>
  );
}
