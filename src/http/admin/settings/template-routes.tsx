/** Konfigurace → Šablony e-mailů: open, preview, save or reset one template in one language. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../../domain/errors.js';
import type { RenderedEmail, TemplateKey, TemplateLocale } from '../../../domain/settings/email-templates.js';
import { translateFields } from '../../middleware/errors.js';
import { renderDocument } from '../../views/render.js';
import { adminFrame } from '../shell/routes.js';
import { SettingsFrame, type FormState } from './settings-frame.js';
import { defaultTemplate, isTemplateKey, previewOf, TemplatesSection } from './templates-section.js';
import { actorOf, type SettingsPageDeps } from './settings-deps.js';

const OWNER = { config: { role: 'owner' as const } };
const PATH = '/admin/konfigurace/sablony';

type TemplateBody = { key?: string; locale?: string; subject?: string; body?: string; action?: string };

export function registerTemplateRoutes(app: FastifyInstance, { services, pageContext }: SettingsPageDeps) {
  const page = async (request: FastifyRequest, reply: FastifyReply, key: TemplateKey, locale: TemplateLocale, form?: FormState, preview: RenderedEmail | null = null, status = 200) => {
    const ctx = pageContext(request);
    const settings = await services.getSettings();
    const current = settings.emails.templates[key][locale];
    const state = form ?? { values: { subject: current.subject, body: current.body }, errors: {} };
    const frame = adminFrame(request, reply);
    const flash = request.session.flash ?? null;
    delete request.session.flash;
    const html = renderDocument(
      <SettingsFrame ctx={ctx} admin={frame} tab="templates" flash={flash} errors={state.errors}>
        <TemplatesSection ctx={ctx} form={state} templateKey={key} locale={locale} csrfToken={frame.csrfToken} preview={preview} />
      </SettingsFrame>,
    );
    return reply.code(status).type('text/html; charset=utf-8').send(html);
  };

  app.get<{ Querystring: { sablona?: string; jazyk?: string } }>(PATH, OWNER, (request, reply) => {
    const key = isTemplateKey(request.query.sablona) ? request.query.sablona : 'order_accepted';
    return page(request, reply, key, request.query.jazyk === 'en' ? 'en' : 'cs');
  });

  app.post<{ Body: TemplateBody }>(PATH, OWNER, async (request, reply) => {
    const body = request.body ?? {};
    if (!isTemplateKey(body.key)) return reply.callNotFound();
    const key = body.key;
    const locale: TemplateLocale = body.locale === 'en' ? 'en' : 'cs';
    const typed = body.action === 'reset' ? defaultTemplate(key, locale) : { subject: String(body.subject ?? ''), body: String(body.body ?? '') };
    const values = { subject: typed.subject, body: typed.body };
    const back = `${PATH}?sablona=${key}&jazyk=${locale}`;
    try {
      if (body.action === 'preview') {
        // A preview is checked like a save, so a malformed template never looks fine.
        const settings = await services.getSettings();
        await services.validateSettingsPatch({ emails: { templates: { [key]: { ...settings.emails.templates[key], [locale]: typed } } } });
        return page(request, reply, key, locale, { values, errors: {} }, previewOf(key, typed.subject, typed.body, settings.shop.name, locale));
      }
      const settings = await services.getSettings();
      const { changes } = await services.updateSettings({
        patch: { emails: { templates: { [key]: { ...settings.emails.templates[key], [locale]: typed } } } },
        actor: actorOf(request),
      });
      request.session.flash = { kind: 'success', text: request.t(changes.length ? 'settings.saved' : 'settings.unchanged') };
      return reply.redirect(back, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'validation') throw error;
      const prefix = `emails.templates.${key}.${locale}.`;
      const errors: Record<string, string> = {};
      for (const [field, message] of Object.entries(translateFields(request.t, error.fields) ?? {})) {
        errors[field.startsWith(prefix) ? field.slice(prefix.length) : field] = message;
      }
      return page(request, reply, key, locale, { values, errors }, null, 422);
    }
  });
}
