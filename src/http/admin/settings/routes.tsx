/** The Configuration panel (owner only): one GET and one POST per section; a refused form shows the typed values and errors. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { DomainError, isDomainError } from '../../../domain/errors.js';
import type { Settings } from '../../../domain/settings/settings.js';
import type { Services } from '../../../services/services.js';
import type { DocumentImageKind } from '../../../services/settings/ports.js';
import { translateFields } from '../../middleware/errors.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';
import { adminFrame } from '../shell/routes.js';
import { sectionErrors, type FormBody } from './form-fields.js';
import { SettingsForm, SettingsFrame, type FormState, type SettingsTab } from './settings-frame.js';
import { readShopForm, shopValues, ShopSection } from './shop-section.js';
import { checkoutValues, CheckoutSection, readCheckoutForm } from './checkout-section.js';
import { DocumentImageForms, documentsValues, DocumentsSection, IMAGE_SLUGS, readDocumentsForm } from './documents-section.js';
import { emailsValues, EmailsSection, MailTransportBox, readEmailsForm } from './emails-section.js';
import { AuditSection } from './audit-section.js';
import { invoicesValues, InvoicesSection, readInvoicesForm } from './invoices-section.js';
import { CARRIERS_PATH, carriersValues, CarriersSection, PacketaStatusBox, readCarriersForm } from './carriers-section.js';
import { toHttpError } from '../../middleware/errors.js';
import { paymentsValues, PaymentsSection, readPaymentsForm } from './payments-section.js';
import { marketingValues, MarketingSection, readMarketingForm } from './marketing-section.js';
import { registerTemplateRoutes } from './template-routes.js';
import { actorOf, type SettingsPageDeps } from './settings-deps.js';

const OWNER = { config: { role: 'owner' as const } };


type Section = {
  tab: SettingsTab;
  path: string;
  section: keyof Settings;
  values(settings: Settings): Record<string, string>;
  read(body: FormBody): { patch: object; values: Record<string, string> };
  render(ctx: PageContext, form: FormState, settings: Settings, shopUrl: string): VNode;
};

const SECTIONS: Section[] = [
  { tab: 'shop', path: '/admin/konfigurace', section: 'shop', values: shopValues, read: readShopForm, render: (ctx, form) => <ShopSection ctx={ctx} form={form} /> },
  { tab: 'documents', path: '/admin/konfigurace/dokumenty', section: 'documents', values: documentsValues, read: readDocumentsForm, render: (ctx, form) => <DocumentsSection ctx={ctx} form={form} /> },
  { tab: 'emails', path: '/admin/konfigurace/emaily', section: 'emails', values: emailsValues, read: readEmailsForm, render: (ctx, form) => <EmailsSection ctx={ctx} form={form} /> },
  {
    tab: 'checkout',
    path: '/admin/konfigurace/objednavky',
    section: 'checkout',
    values: checkoutValues,
    read: readCheckoutForm,
    render: (ctx, form, settings) => <CheckoutSection ctx={ctx} form={form} settings={settings} />,
  },
  { tab: 'invoices', path: '/admin/konfigurace/doklady', section: 'invoices', values: invoicesValues, read: readInvoicesForm, render: (ctx, form, settings) => <InvoicesSection ctx={ctx} form={form} settings={settings} /> },
  { tab: 'carriers', path: CARRIERS_PATH, section: 'carriers', values: carriersValues, read: readCarriersForm, render: (ctx, form, settings) => <CarriersSection ctx={ctx} form={form} settings={settings} /> },
  { tab: 'payments', path: '/admin/konfigurace/platby', section: 'payments', values: paymentsValues, read: readPaymentsForm, render: (ctx, form) => <PaymentsSection ctx={ctx} form={form} /> },
  { tab: 'marketing', path: '/admin/konfigurace/marketing', section: 'marketing', values: marketingValues, read: readMarketingForm, render: (ctx, form, _settings, shopUrl) => <MarketingSection ctx={ctx} form={form} shopUrl={shopUrl} /> },
];

export function registerSettingsRoutes(app: FastifyInstance, deps: SettingsPageDeps) {
  const { services, pageContext } = deps;

  const page = async (request: FastifyRequest, reply: FastifyReply, section: Section, form?: FormState, status = 200) => {
    const ctx = pageContext(request);
    const settings = await services.getSettings();
    const state = form ?? { values: section.values(settings), errors: {} };
    const frame = adminFrame(request, reply);
    const flash = request.session.flash ?? null;
    delete request.session.flash;
    const extra = await sectionExtras(request, section.tab, frame.csrfToken, settings);
    const html = renderDocument(
      <SettingsFrame ctx={ctx} admin={frame} tab={section.tab} flash={flash} errors={state.errors}>
        <SettingsForm action={section.path} csrfToken={frame.csrfToken} submit={ctx.t('settings.save')}>
          {section.render(ctx, state, settings, services.shopUrl())}
        </SettingsForm>
        {extra}
      </SettingsFrame>,
    );
    return reply.code(status).type('text/html; charset=utf-8').send(html);
  };

  const sectionExtras = async (request: FastifyRequest, tab: SettingsTab, csrfToken: string, settings: Settings) => {
    const ctx = pageContext(request);
    if (tab === 'emails') {
      const to = settings.emails.ownerAddress || settings.shop.email || (request.admin?.via === 'session' ? request.admin.email : '');
      return <MailTransportBox ctx={ctx} transport={deps.mail} csrfToken={csrfToken} defaultTo={to} />;
    }
    if (tab === 'carriers') {
      const [mode, feed] = await Promise.all([services.packetaMode(), services.pickupFeedInfo('zasilkovna')]);
      return <PacketaStatusBox ctx={ctx} mode={mode} feed={feed} csrfToken={csrfToken} />;
    }
    if (tab === 'documents') {
      const kinds = await services.documentImageKinds();
      return (
        <div class="two-columns">
          {(['logo', 'stamp'] as const).map((kind) => (
            <DocumentImageForms key={kind} ctx={ctx} kind={kind} present={kinds.includes(kind)} csrfToken={csrfToken} version={String(Date.now())} />
          ))}
        </div>
      );
    }
    return null;
  };

  for (const section of SECTIONS) {
    app.get(section.path, OWNER, (request, reply) => page(request, reply, section));
    app.post(section.path, OWNER, async (request, reply) => {
      const { patch, values } = section.read((request.body ?? {}) as FormBody);
      try {
        const { changes } = await services.updateSettings({ patch, actor: actorOf(request) });
        request.session.flash = { kind: 'success', text: request.t(changes.length === 0 ? 'settings.unchanged' : 'settings.saved') };
        return reply.redirect(section.path, 303);
      } catch (error) {
        if (!isDomainError(error) || error.code !== 'validation') throw error;
        const errors = sectionErrors(translateFields(request.t, error.fields), section.section);
        return page(request, reply, section, { values, errors }, 422);
      }
    });
  }

  app.post(`${CARRIERS_PATH}/vydejni-mista`, OWNER, async (request, reply) => {
    try {
      const { count } = await services.refreshPickupPoints({ maxAgeMs: 0 });
      request.session.flash = { kind: 'success', text: request.t('settings.packeta.refreshed', { count }) };
    } catch (error) {
      request.session.flash = { kind: 'error', text: toHttpError(isCarrierFailure(error), request.t).message };
    }
    return reply.redirect(CARRIERS_PATH, 303);
  });

  app.get('/admin/konfigurace/historie', OWNER, async (request, reply) => {
    const ctx = pageContext(request);
    const html = renderDocument(
      <SettingsFrame ctx={ctx} admin={adminFrame(request, reply)} tab="audit">
        <AuditSection ctx={ctx} entries={await services.settingsAuditLog(200)} />
      </SettingsFrame>,
    );
    return reply.type('text/html; charset=utf-8').send(html);
  });

  registerImageRoutes(app, services);
  registerTemplateRoutes(app, deps);

  app.post<{ Body: { to?: string } }>('/admin/konfigurace/emaily/test', OWNER, async (request, reply) => {
    const to = String(request.body?.to ?? '').trim();
    try {
      const { transport } = await services.sendTestEmail({ to, locale: request.locale });
      request.session.flash = { kind: 'success', text: request.t(transport === 'smtp' ? 'settings.emails.testSent' : 'settings.emails.testSaved', { to }) };
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const reason = error.code === 'validation' ? request.t('field.email_invalid') : error.message;
      request.session.flash = { kind: 'error', text: request.t('settings.emails.testFailed', { reason }) };
    }
    return reply.redirect('/admin/konfigurace/emaily', 303);
  });
}

/** A feed that could not be had, as the owner reads it (the carrier's words); anything else is a bug and is thrown. */
function isCarrierFailure(error: unknown): unknown {
  if (error instanceof Error && error.name === 'CarrierError') return new DomainError((error as { kind?: string }).kind === 'rejected' ? 'carrier_rejected' : 'carrier_unavailable', error.message, undefined, { params: { carrier: 'Packeta', message: error.message } });
  throw error;
}

const KIND_BY_SLUG: Record<string, DocumentImageKind> = Object.fromEntries(Object.entries(IMAGE_SLUGS).map(([kind, slug]) => [slug, kind as DocumentImageKind]));

function registerImageRoutes(app: FastifyInstance, services: Services) {
  app.get<{ Params: { slug: string } }>('/admin/konfigurace/obrazek/:slug', OWNER, async (request, reply) => {
    const kind = KIND_BY_SLUG[request.params.slug];
    const image = kind ? await services.documentImage(kind) : null;
    if (!image) return reply.callNotFound();
    return reply.header('cache-control', 'private, max-age=3600').type(image.contentType).send(image.data);
  });

  app.post<{ Params: { slug: string } }>('/admin/konfigurace/obrazek/:slug', OWNER, async (request, reply) => {
    const kind = KIND_BY_SLUG[request.params.slug];
    if (!kind) return reply.callNotFound();
    const file = request.isMultipart() ? await request.file() : undefined;
    let bytes: Buffer = Buffer.alloc(0);
    try {
      if (file) bytes = await file.toBuffer();
    } catch {
      bytes = Buffer.alloc(11 * 1024 * 1024); // over the multipart limit: reported as too large below
    }
    try {
      await services.uploadDocumentImage({ kind, bytes, actor: actorOf(request) });
      request.session.flash = { kind: 'success', text: request.t('settings.docs.imageSaved') };
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const message = Object.values(translateFields(request.t, error.fields) ?? {})[0] ?? request.t('error.validation');
      request.session.flash = { kind: 'error', text: `${request.t(kind === 'logo' ? 'settings.docs.logo' : 'settings.docs.stamp')}: ${message}` };
    }
    return reply.redirect('/admin/konfigurace/dokumenty', 303);
  });

  app.post<{ Params: { slug: string } }>('/admin/konfigurace/obrazek/:slug/odstranit', OWNER, async (request, reply) => {
    const kind = KIND_BY_SLUG[request.params.slug];
    if (!kind) return reply.callNotFound();
    await services.removeDocumentImage({ kind, actor: actorOf(request) });
    request.session.flash = { kind: 'success', text: request.t('settings.docs.imageRemoved') };
    return reply.redirect('/admin/konfigurace/dokumenty', 303);
  });
}

