/** The Zboží index table: search and filters in one row, sortable, keyset next/previous paging, empty states. */
import { formatMoney } from '../../../domain/money/money.js';
import { buildTree, flattenTree } from '../../../domain/catalog/category-rules.js';
import type { AdminProductSort, Category, ProductPage } from '../../../services/catalog/ports.js';
import type { PageContext } from '../../views/page-context.js';
import { thumbUrl } from '../../storefront/media-routes.js';

export const PRODUCTS_PATH = '/admin/zbozi';
export const ADMIN_SORTS: AdminProductSort[] = ['newest', 'name', 'price', 'stock'];

export type ListFilters = { q: string; category: string; stock: string; active: string; sort: AdminProductSort };

const queryString = (f: ListFilters, extra: Record<string, string>) => {
  const params = new URLSearchParams(Object.entries({ ...f, ...extra }).filter(([k, v]) => v !== '' && !(k === 'sort' && v === 'newest')));
  const text = params.toString();
  return text ? `?${text}` : '';
};

export function ProductFilters(props: { ctx: PageContext; filters: ListFilters; categories: Category[] }) {
  const { t } = props.ctx;
  const f = props.filters;
  const option = (value: string, label: string, current: string) => (
    <option value={value} selected={current === value}>
      {label}
    </option>
  );
  return (
    <form method="get" action={PRODUCTS_PATH} class="filter-row" role="search">
      <div class="field filter-search">
        <label for="q">{t('prod.search')}</label>
        <input id="q" name="q" type="search" value={f.q} placeholder={t('prod.searchPlaceholder')} />
      </div>
      <div class="field">
        <label for="category">{t('prod.categories')}</label>
        <select id="category" name="category">
          {option('', t('prod.allCategories'), f.category)}
          {flattenTree(buildTree(props.categories)).map((c) => option(String(c.id), `${'— '.repeat(c.depth)}${c.name}`, f.category))}
        </select>
      </div>
      <div class="field">
        <label for="stock">{t('prod.filterStock')}</label>
        <select id="stock" name="stock">
          {option('', t('prod.any'), f.stock)}
          {option('in', t('prod.stockIn'), f.stock)}
          {option('out', t('prod.stockOut'), f.stock)}
        </select>
      </div>
      <div class="field">
        <label for="active">{t('prod.filterActive')}</label>
        <select id="active" name="active">
          {option('', t('prod.any'), f.active)}
          {option('1', t('prod.activeYes'), f.active)}
          {option('0', t('prod.activeNo'), f.active)}
        </select>
      </div>
      <div class="field">
        <label for="sort">{t('prod.sort')}</label>
        <select id="sort" name="sort">
          {ADMIN_SORTS.map((s) => option(s, t(`prod.sort.${s}`), f.sort))}
        </select>
      </div>
      <button type="submit">{t('prod.filter')}</button>
    </form>
  );
}

export function ProductTable(props: { ctx: PageContext; page: ProductPage; filters: ListFilters; filtered: boolean }) {
  const { t, locale } = props.ctx;
  const { items, nextCursor, prevCursor } = props.page;
  if (items.length === 0) {
    return (
      <div class="empty-state">
        <p>{props.filtered ? t('prod.noMatch') : t('prod.empty')}</p>
        {props.filtered ? (
          <a class="button" href={PRODUCTS_PATH}>
            {t('prod.clearFilters')}
          </a>
        ) : (
          <a class="button button-primary" href={`${PRODUCTS_PATH}/nove`}>
            {t('prod.new')}
          </a>
        )}
      </div>
    );
  }
  return (
    <>
      <div class="table-wrap">
        <table class="index-table product-table">
          <thead>
            <tr>
              <th scope="col" class="col-thumb">
                <span class="visually-hidden">{t('prod.images')}</span>
              </th>
              <th scope="col">{t('prod.col.name')}</th>
              <th scope="col" class="num">
                {t('prod.col.variants')}
              </th>
              <th scope="col" class="num">
                {t('prod.col.price')}
              </th>
              <th scope="col" class="num">
                {t('prod.col.stock')}
              </th>
              <th scope="col">{t('prod.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <td class="col-thumb">{p.image ? <img src={thumbUrl(p.image, 320)} alt="" width={48} height={48} loading="lazy" /> : <span class="thumb-empty" />}</td>
                <td>
                  <a href={`${PRODUCTS_PATH}/${p.id}`}>{p.name}</a>
                  <div class="muted small">{p.slug}</div>
                </td>
                <td class="num">{p.variantCount}</td>
                <td class="num">{formatMoney(p.minPrice, locale)}</td>
                <td class={`num ${p.stockTotal === 0 ? 'text-danger' : ''}`}>{p.stockTotal}</td>
                <td>{p.active ? <span class="badge badge-completed">{t('prod.activeYes')}</span> : <span class="badge badge-cancelled">{t('prod.activeNo')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav class="pager" aria-label={t('prod.pages')}>
        {prevCursor ? (
          <a class="button" rel="prev" href={`${PRODUCTS_PATH}${queryString(props.filters, { before: prevCursor })}`}>
            ← {t('prod.prev')}
          </a>
        ) : (
          <span />
        )}
        {nextCursor && (
          <a class="button" rel="next" href={`${PRODUCTS_PATH}${queryString(props.filters, { after: nextCursor })}`}>
            {t('prod.next')} →
          </a>
        )}
      </nav>
    </>
  );
}
