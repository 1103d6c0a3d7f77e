/** Konfigurace → Dokumenty: what order PDFs show, their footer, and the logo and stamp images. */
import type { Settings } from '../../../domain/settings/settings.js';
import type { DocumentImageKind } from '../../../services/settings/ports.js';
import { CsrfField } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';
import { readFields, textValues, type FormBody } from './form-fields.js';
import { Checkbox, TextArea, type FormState } from './settings-frame.js';

const FLAGS = ['showContacts', 'showBankAccounts', 'showLogo', 'showStamp'] as const;

export function documentsValues(settings: Settings): Record<string, string> {
  return { ...Object.fromEntries(FLAGS.map((f) => [f, String(settings.documents[f])])), footer: settings.documents.footer };
}

export function readDocumentsForm(body: FormBody) {
  const fields = readFields(body, { showContacts: 'bool', showBankAccounts: 'bool', showLogo: 'bool', showStamp: 'bool', footer: 'text' });
  return {
    patch: { documents: fields },
    values: { ...Object.fromEntries(FLAGS.map((f) => [f, String(fields[f])])), ...textValues(body, ['footer']) },
  };
}

export const IMAGE_SLUGS: Record<DocumentImageKind, string> = { logo: 'logo', stamp: 'razitko' };

export function DocumentsSection({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  return (
    <>
      <fieldset>
        <legend>{t('settings.docs.show')}</legend>
        {FLAGS.map((flag) => (
          <Checkbox key={flag} name={flag} label={t(`settings.docs.${flag}`)} form={form} />
        ))}
      </fieldset>
      <TextArea name="footer" label={t('settings.docs.footer')} hint={t('settings.docs.footerHint')} form={form} rows={3} maxLength={500} />
    </>
  );
}

/** Upload and remove forms for one image; separate forms, as a file upload is multipart. */
export function DocumentImageForms(props: { ctx: PageContext; kind: DocumentImageKind; present: boolean; csrfToken: string; version: string }) {
  const { t } = props.ctx;
  const slug = IMAGE_SLUGS[props.kind];
  const label = t(props.kind === 'logo' ? 'settings.docs.logo' : 'settings.docs.stamp');
  const id = `image-${props.kind}`;
  return (
    <section class="image-setting" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{label}</h2>
      {props.present ? (
        <img class="image-preview" src={`/admin/konfigurace/obrazek/${slug}?v=${encodeURIComponent(props.version)}`} alt={label} />
      ) : (
        <p class="muted">{t('settings.docs.noImage')}</p>
      )}
      <form method="post" action={`/admin/konfigurace/obrazek/${slug}?_csrf=${encodeURIComponent(props.csrfToken)}`} enctype="multipart/form-data" class="stack">
        <div class="field">
          <label for={id}>{t('settings.docs.upload')}</label>
          <p class="hint">{t('settings.docs.imageHint')}</p>
          <input type="file" id={id} name="file" accept="image/jpeg,image/png,image/webp" />
        </div>
        <button type="submit">{t('settings.docs.upload')}</button>
      </form>
      {props.present && (
        <form method="post" action={`/admin/konfigurace/obrazek/${slug}/odstranit`} class="inline-form">
          <CsrfField token={props.csrfToken} />
          <p class="hint">{t('settings.docs.confirmRemove')}</p>
          <button type="submit" class="button-danger">
            {t('settings.docs.removeImage')}
          </button>
        </form>
      )}
    </section>
  );
}
