/** The product form (two columns: texts and variants; status, VAT and categories), plus the images and delete sections. */
import { FEEDS } from '../../../domain/catalog/product-rules.js';
import type { Category, Product } from '../../../services/catalog/ports.js';
import { CsrfField, ErrorSummary } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';
import { CategoryCheckboxes, Fieldset, TextField, summaryOf, type FieldMessages } from '../catalog-forms.js';
import { thumbUrl } from '../../storefront/media-routes.js';
import type { ProductFormValues } from './form-values.js';
import { PRODUCTS_PATH } from './list-view.js';

export function ProductForm(props: {
  ctx: PageContext;
  action: string;
  values: ProductFormValues;
  errors: FieldMessages;
  categories: Category[];
  vatRates: readonly number[];
  csrfToken: string;
  submit: string;
}) {
  const { t } = props.ctx;
  const { values: v, errors: e } = props;
  return (
    <form method="post" action={props.action} class="product-form" noValidate>
      <ErrorSummary title={t('error.summary')} errors={summaryOf(e)} />
      <CsrfField token={props.csrfToken} />
      <div class="detail-columns">
        <div class="detail-main stack">
          <TextField id="name" label={t('prod.name')} value={v.name} error={e.name} required maxLength={200} />
          <TextField id="slug" label={t('prod.slug')} hint={t('prod.slugHint')} value={v.slug} error={e.slug} maxLength={160} />
          <div class={`field ${e.description ? 'field-error' : ''}`}>
            <label for="description">{t('prod.description')}</label>
            <p class="hint" id="description-hint">
              {t('prod.descriptionHint')}
            </p>
            {e.description && <p class="error-message">{e.description}</p>}
            <textarea id="description" name="description" rows={8} aria-describedby="description-hint">
              {v.description}
            </textarea>
          </div>
          <Fieldset legend={t('prod.variants')} hint={t('prod.variantsHint')} error={e.variants} id="variants">
            {v.variants.map((row, i) => (
              <fieldset class="variant-row" key={i}>
                <legend>{row.id ? `${t('prod.variant', { n: i + 1 })} · ${row.sku}` : t('prod.variant', { n: i + 1 })}</legend>
                {row.id && <input type="hidden" name={`variants.${i}.id`} value={row.id} />}
                {e[`variants.${i}.id`] && <p class="error-message">{e[`variants.${i}.id`]}</p>}
                <TextField id={`variants.${i}.sku`} label={t('prod.v.sku')} value={row.sku} error={e[`variants.${i}.sku`]} maxLength={64} />
                <TextField id={`variants.${i}.name`} label={t('prod.v.name')} value={row.name} error={e[`variants.${i}.name`]} maxLength={100} />
                <TextField id={`variants.${i}.price`} label={t('prod.v.price')} value={row.price} error={e[`variants.${i}.price`]} inputMode="decimal" />
                <TextField id={`variants.${i}.compareAtPrice`} label={t('prod.v.compareAt')} value={row.compareAtPrice} error={e[`variants.${i}.compareAtPrice`]} inputMode="decimal" />
                <TextField id={`variants.${i}.stock`} label={t('prod.v.stock')} value={row.stock} error={e[`variants.${i}.stock`]} inputMode="numeric" />
                <TextField id={`variants.${i}.weightGrams`} label={t('prod.v.weight')} value={row.weightGrams} error={e[`variants.${i}.weightGrams`]} inputMode="numeric" />
                <TextField id={`variants.${i}.ean`} label={t('prod.v.ean')} value={row.ean} error={e[`variants.${i}.ean`]} inputMode="numeric" maxLength={20} />
                {row.id && (
                  <div class="checkbox variant-remove">
                    <input type="checkbox" id={`variants.${i}.remove`} name={`variants.${i}.remove`} value="1" checked={row.remove} />
                    <label for={`variants.${i}.remove`}>{t('prod.v.remove')}</label>
                  </div>
                )}
              </fieldset>
            ))}
          </Fieldset>
          <Fieldset legend={t('prod.feeds')} hint={t('prod.feedsHint')} id="feeds">
            <TextField id="manufacturer" label={t('prod.manufacturer')} value={v.manufacturer} error={e.manufacturer} maxLength={200} />
            {FEEDS.map((feed) => (
              <TextField key={feed} id={`feedCategories.${feed}`} label={t(`prod.feedCategory.${feed}`)} value={v.feedCategories[feed]} error={e[`feedCategories.${feed}`]} maxLength={255} />
            ))}
          </Fieldset>
        </div>
        <aside class="detail-side stack">
          <div class="panel-box stack">
            <div class="checkbox">
              <input type="checkbox" id="active" name="active" value="1" checked={v.active} />
              <label for="active">{t('prod.active')}</label>
            </div>
            <div class={`field ${e.vatRate ? 'field-error' : ''}`}>
              <label for="vatRate">{t('prod.vatRate')}</label>
              {e.vatRate && <p class="error-message">{e.vatRate}</p>}
              <select id="vatRate" name="vatRate">
                {props.vatRates.map((rate) => (
                  <option key={rate} value={String(rate)} selected={v.vatRate === String(rate)}>
                    {`${rate} %`}
                  </option>
                ))}
              </select>
            </div>
            <Fieldset legend={t('prod.categories')} error={e.categoryIds} id="categoryIds">
              {props.categories.length === 0 && <p class="hint">{t('prod.noCategories')}</p>}
              <CategoryCheckboxes categories={props.categories} checked={v.categoryIds} />
            </Fieldset>
            <button type="submit" class="button-primary">
              {props.submit}
            </button>
          </div>
        </aside>
      </div>
    </form>
  );
}

export function ProductImages(props: { ctx: PageContext; product: Product; csrfToken: string; error?: string }) {
  const { t } = props.ctx;
  const { product } = props;
  const uploadAction = `${PRODUCTS_PATH}/${product.id}/obrazky?_csrf=${encodeURIComponent(props.csrfToken)}`;
  return (
    <section class="panel-box stack" aria-labelledby="images-heading" id="images">
      <h2 id="images-heading">{t('prod.images')}</h2>
      {product.images.length === 0 ? (
        <p class="muted">{t('prod.noImages')}</p>
      ) : (
        <ul class="image-list">
          {product.images.map((image) => (
            <li key={image.id}>
              <img src={thumbUrl(image, 320)} alt={image.alt} width={160} height={Math.round((160 * image.height) / image.width)} loading="lazy" />
              <form method="post" action={`${PRODUCTS_PATH}/${product.id}/obrazky/${image.id}/smazat`}>
                <CsrfField token={props.csrfToken} />
                <button type="submit" class="button-small">
                  {t('prod.imageRemove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={uploadAction} enctype="multipart/form-data" class="stack">
        <CsrfField token={props.csrfToken} />
        <div class={`field ${props.error ? 'field-error' : ''}`}>
          <label for="image">{t('prod.imageFile')}</label>
          <p class="hint">{t('prod.imageHint')}</p>
          {props.error && (
            <p class="error-message" id="image-error">
              {props.error}
            </p>
          )}
          <input type="file" id="image" name="image" accept="image/jpeg,image/png,image/webp" />
        </div>
        <TextField id="alt" label={t('prod.imageAlt')} value="" maxLength={200} />
        <button type="submit">{t('prod.imageUpload')}</button>
      </form>
    </section>
  );
}

export function DeleteProduct(props: { ctx: PageContext; product: Product; csrfToken: string }) {
  const { t } = props.ctx;
  return (
    <section class="danger-zone" aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t('prod.delete')}</h2>
      <form method="post" action={`${PRODUCTS_PATH}/${props.product.id}/smazat`} class="stack">
        <CsrfField token={props.csrfToken} />
        <p>{t('prod.deleteLead')}</p>
        <button type="submit" class="button-danger">
          {t('prod.delete')}
        </button>
      </form>
    </section>
  );
}
