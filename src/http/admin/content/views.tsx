/** Obsah panel views: the page list and the page form. */
import type { ContentPage } from '../../../domain/content/page.js';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import { CsrfField, ErrorSummary, type Flash } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';
import { Checkbox, TextArea, TextInput, type FormState } from '../settings/settings-frame.js';
import { fieldId } from '../settings/form-fields.js';

export const CONTENT_PATH = '/admin/obsah';

export function PageList(props: { ctx: PageContext; admin: AdminFrame; flash: Flash | null; pages: ContentPage[]; q: string; nextCursor: number | null }) {
  const { ctx } = props;
  const { t } = ctx;
  const actions = (
    <a class="button button-primary" href={`${CONTENT_PATH}/nova`}>
      {t('content.new')}
    </a>
  );
  return (
    <AdminLayout ctx={ctx} title={t('nav.content')} admin={props.admin} current="content" flash={props.flash} actions={actions}>
      <form method="get" action={CONTENT_PATH} role="search" class="field-row list-filters">
        <div class="field">
          <label for="q">{t('content.search')}</label>
          <input id="q" name="q" type="search" value={props.q} />
        </div>
      </form>
      {props.pages.length === 0 ? (
        <div class="empty-state">
          <p>{t('content.empty')}</p>
        </div>
      ) : (
        <table class="index-table">
          <thead>
            <tr>
              <th scope="col">{t('content.col.title')}</th>
              <th scope="col">{t('content.col.address')}</th>
              <th scope="col">{t('content.col.state')}</th>
              <th scope="col">{t('content.col.shown')}</th>
            </tr>
          </thead>
          <tbody>
            {props.pages.map((page) => (
              <tr key={page.id}>
                <td>
                  <a href={`${CONTENT_PATH}/${page.id}`}>{page.title}</a>
                </td>
                <td>
                  <code>/{page.slug}</code>
                </td>
                <td>
                  <span class={`badge badge-outline`}>{t(page.published ? 'content.published' : 'content.draft')}</span>{' '}
                  {page.isTemplate && <span class="badge badge-processing">{t('content.template')}</span>}
                </td>
                <td>{[page.inMenu && t('content.menu'), page.inFooter && t('content.footer')].filter(Boolean).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.nextCursor && (
        <p>
          <a href={`${CONTENT_PATH}?${new URLSearchParams({ ...(props.q ? { q: props.q } : {}), po: String(props.nextCursor) })}`}>{t('content.next')} →</a>
        </p>
      )}
    </AdminLayout>
  );
}

export function PageForm(props: { ctx: PageContext; admin: AdminFrame; flash: Flash | null; page: ContentPage | null; form: FormState }) {
  const { ctx, page, form } = props;
  const { t } = ctx;
  const action = page ? `${CONTENT_PATH}/${page.id}` : `${CONTENT_PATH}/nova`;
  const errors = Object.entries(form.errors).map(([field, text]) => ({ field: fieldId(field), text }));
  const actions = page?.published ? (
    <a class="button" href={`/${page.slug}`}>
      {t('content.view')}
    </a>
  ) : undefined;
  return (
    <AdminLayout ctx={ctx} title={page ? page.title : t('content.new')} admin={props.admin} current="content" flash={props.flash} actions={actions}>
      <p>
        <a href={CONTENT_PATH}>← {t('content.back')}</a>
      </p>
      <ErrorSummary title={t('error.summary')} errors={errors} />
      {page?.isTemplate && <div class="flash flash-error">{t('content.templateNotice')}</div>}
      <form method="post" action={action} class="settings-form stack" noValidate>
        <CsrfField token={props.admin.csrfToken} />
        <fieldset>
          <legend>{page ? t('content.edit') : t('content.new')}</legend>
          <TextInput name="title" label={t('content.title')} form={form} maxLength={200} />
          <TextInput name="slug" label={t('content.slug')} hint={t('content.slugHint')} form={form} maxLength={80} />
          <TextArea name="body" label={t('content.body')} hint={t('content.bodyHint')} form={form} rows={18} />
          <Checkbox name="published" label={t('content.publishedLabel')} form={form} />
          <Checkbox name="inMenu" label={t('content.inMenu')} form={form} />
          <Checkbox name="inFooter" label={t('content.inFooter')} form={form} />
          <TextInput name="position" label={t('content.position')} form={form} inputMode="numeric" class="field-narrow" />
          {page?.isTemplate && <Checkbox name="reviewed" label={t('content.reviewed')} form={form} />}
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="button-primary">
            {t('content.save')}
          </button>
        </div>
      </form>
      {page && (
        <form method="post" action={`${CONTENT_PATH}/${page.id}/smazat`} class="danger-zone stack">
          <CsrfField token={props.admin.csrfToken} />
          <p class="hint">{t('content.deleteConfirm')}</p>
          <button type="submit" class="button-danger">
            {t('content.delete')}
          </button>
        </form>
      )}
    </AdminLayout>
  );
}
