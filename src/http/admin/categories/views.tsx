/** The Categories panel's pages: the tree table with ordering and visibility, and the create/edit form with deletion. */
import { buildTree, flattenTree } from '../../../domain/catalog/category-rules.js';
import type { Category } from '../../../services/catalog/ports.js';
import { CsrfField, ErrorSummary } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';
import { Fieldset, TextField, summaryOf, type FieldMessages } from '../catalog-forms.js';

export const CATEGORIES_PATH = '/admin/kategorie';

export function CategoryTable(props: { ctx: PageContext; categories: Category[]; counts: Map<number, number>; csrfToken: string; orderScript?: string }) {
  const { t } = props.ctx;
  const rows = flattenTree(buildTree(props.categories));
  if (rows.length === 0) {
    return (
      <div class="empty-state">
        <p>{t('cat.empty')}</p>
        <a class="button button-primary" href={`${CATEGORIES_PATH}/nova`}>
          {t('cat.new')}
        </a>
      </div>
    );
  }
  const siblings = (c: Category) => rows.filter((r) => r.parentId === c.parentId);
  return (
    <>
      {props.orderScript && (
        <p class="muted small" id="category-order-hint">
          {t('cat.dragHint')}
        </p>
      )}
      <div class="table-wrap">
      <table class="index-table" data-reorder-url={props.orderScript ? `${CATEGORIES_PATH}/{id}/poradi` : undefined} data-failed-text={props.orderScript ? t('cat.dragFailed') : undefined}>
        <thead>
          <tr>
            <th scope="col">{t('cat.name')}</th>
            <th scope="col">{t('cat.slug')}</th>
            <th scope="col" class="num">
              {t('cat.products')}
            </th>
            <th scope="col">{t('cat.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const group = siblings(c);
            return (
              <tr key={c.id} data-category-id={String(c.id)} data-parent-id={String(c.parentId ?? '')}>
                <td>
                  <span class={`tree-indent depth-${Math.min(c.depth, 6)}`}>
                    <a href={`${CATEGORIES_PATH}/${c.id}`}>{c.name}</a>
                    {!c.visible && <span class="badge badge-outline badge-muted">{t('cat.hidden')}</span>}
                  </span>
                </td>
                <td class="muted">{c.slug}</td>
                <td class="num">{props.counts.get(c.id) ?? 0}</td>
                <td class="row-actions">
                  <PostButton action={`${CATEGORIES_PATH}/${c.id}/posun`} csrfToken={props.csrfToken} name="direction" value="up" label={t('cat.up')} title={t('cat.upLabel', { name: c.name })} disabled={group[0]?.id === c.id} />
                  <PostButton action={`${CATEGORIES_PATH}/${c.id}/posun`} csrfToken={props.csrfToken} name="direction" value="down" label={t('cat.down')} title={t('cat.downLabel', { name: c.name })} disabled={group[group.length - 1]?.id === c.id} />
                  <PostButton action={`${CATEGORIES_PATH}/${c.id}/viditelnost`} csrfToken={props.csrfToken} name="visible" value={c.visible ? '0' : '1'} label={c.visible ? t('cat.hide') : t('cat.show')} title={`${c.visible ? t('cat.hide') : t('cat.show')}: ${c.name}`} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
      {props.orderScript && <script src={props.orderScript} defer />}
    </>
  );
}

function PostButton(props: { action: string; csrfToken: string; name: string; value: string; label: string; title: string; disabled?: boolean }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.csrfToken} />
      <button type="submit" name={props.name} value={props.value} class="button-small" aria-label={props.title} disabled={props.disabled}>
        {props.label}
      </button>
    </form>
  );
}

export type CategoryFormValues = { name: string; slug: string; description: string; parentId: string; visible: boolean };

export function CategoryForm(props: { ctx: PageContext; action: string; values: CategoryFormValues; errors: FieldMessages; categories: Category[]; selfId?: number; csrfToken: string; submit: string }) {
  const { t } = props.ctx;
  const e = props.errors;
  // A category cannot go under itself or its descendants; those are left out of the choice.
  const tree = flattenTree(buildTree(props.categories));
  const excluded = new Set<number>();
  if (props.selfId !== undefined) for (const c of tree) if (c.id === props.selfId || (c.parentId !== null && excluded.has(c.parentId))) excluded.add(c.id);
  return (
    <form method="post" action={props.action} class="stack form-narrow" noValidate>
      <ErrorSummary title={t('error.summary')} errors={summaryOf(e)} />
      <CsrfField token={props.csrfToken} />
      <TextField id="name" label={t('cat.name')} value={props.values.name} error={e.name} required maxLength={200} />
      <TextField id="slug" label={t('cat.slug')} hint={t('cat.slugHint')} value={props.values.slug} error={e.slug} maxLength={160} />
      <div class={`field ${e.parentId ? 'field-error' : ''}`}>
        <label for="parentId">{t('cat.parent')}</label>
        {e.parentId && <p class="error-message">{e.parentId}</p>}
        <select id="parentId" name="parentId">
          <option value="">{t('cat.parentNone')}</option>
          {tree
            .filter((c) => !excluded.has(c.id))
            .map((c) => (
              <option key={c.id} value={String(c.id)} selected={props.values.parentId === String(c.id)}>
                {`${'— '.repeat(c.depth)}${c.name}`}
              </option>
            ))}
        </select>
      </div>
      <div class={`field ${e.description ? 'field-error' : ''}`}>
        <label for="description">{t('cat.description')}</label>
        {e.description && <p class="error-message">{e.description}</p>}
        <textarea id="description" name="description" rows={4}>
          {props.values.description}
        </textarea>
      </div>
      <div class="checkbox">
        <input type="checkbox" id="visible" name="visible" value="1" checked={props.values.visible} />
        <label for="visible">{t('cat.visible')}</label>
      </div>
      <button type="submit" class="button-primary">
        {props.submit}
      </button>
    </form>
  );
}

export function DeleteCategory(props: { ctx: PageContext; category: Category; productCount: number; categories: Category[]; error?: string; csrfToken: string }) {
  const { t } = props.ctx;
  const targets = flattenTree(buildTree(props.categories)).filter((c) => c.id !== props.category.id);
  return (
    <section class="danger-zone" aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t('cat.delete')}</h2>
      <form method="post" action={`${CATEGORIES_PATH}/${props.category.id}/smazat`} class="stack">
        <CsrfField token={props.csrfToken} />
        <p>{t('cat.deleteLead')}</p>
        {props.productCount > 0 && (
          <Fieldset legend={t('cat.moveTo')} error={props.error} id="moveTo">
            <p>{t('cat.deleteHolds', { count: props.productCount })}</p>
            <select name="moveTo" aria-label={t('cat.moveTo')}>
              <option value="">{t('cat.moveChoose')}</option>
              {targets.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {`${'— '.repeat(c.depth)}${c.name}`}
                </option>
              ))}
            </select>
          </Fieldset>
        )}
        <button type="submit" class="button-danger">
          {t('cat.delete')}
        </button>
      </form>
    </section>
  );
}
