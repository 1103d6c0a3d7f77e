import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidSlug, slugFromName } from './slug.js';
import { foldText, searchTerms } from './search-text.js';
import { renderMarkdown } from '../markdown.js';
import { availabilityOf } from './availability.js';
import { checkProduct } from './product-rules.js';
import { buildTree, flattenTree, wouldCycle } from './category-rules.js';
import { readProductCsv } from './product-csv.js';

test('slugs from Czech names are clean', () => {
  assert.equal(slugFromName('Čokoláda hořká 70 %'), 'cokolada-horka-70');
  assert.equal(slugFromName('Žluťoučký kůň / Ďábel'), 'zlutoucky-kun-dabel');
  assert.ok(isValidSlug('cerne-caje'));
  assert.ok(!isValidSlug('Černé čaje'));
  assert.ok(!isValidSlug('a--b'));
});

test('search text and terms fold diacritics and case', () => {
  assert.equal(foldText('ČOKOLÁDA Hořká'), 'cokolada horka');
  assert.deepEqual(searchTerms('  "Čaj" OR * NEAR(  '), ['caj', 'or', 'near']);
});

test('descriptions: Markdown rendered, scripts, handlers and javascript: links removed', () => {
  const html = renderMarkdown('**Tučně** <script>alert(1)</script><img src=x onerror=alert(1)> [odkaz](javascript:alert(1)) [web](https://example.cz)');
  assert.match(html, /<strong>Tučně<\/strong>/);
  assert.doesNotMatch(html, /script|onerror|<img|javascript:/);
  assert.match(html, /<a href="https:\/\/example.cz" rel="nofollow noopener">web<\/a>/);
});

test('availability: in stock, the last pieces, sold out', () => {
  assert.deepEqual(availabilityOf(0), { kind: 'sold_out' });
  assert.deepEqual(availabilityOf(2), { kind: 'last_pieces', count: 2 });
  assert.deepEqual(availabilityOf(6), { kind: 'in_stock' });
});

test('product rules: VAT from the offered list, whole prices, compare-at above the price, unique SKUs', () => {
  const { errors, draft } = checkProduct({
    name: 'Čaj',
    slug: '',
    description: '',
    vatRate: 15,
    active: true,
    categoryIds: [],
    variants: [
      { sku: 'A', name: '', price: 100, compareAtPrice: 90, stock: 1, weightGrams: null },
      { sku: 'A', name: '', price: 1.5, compareAtPrice: null, stock: -1, weightGrams: null },
    ],
  });
  assert.deepEqual(errors, { vatRate: 'vat_rate_not_offered', 'variants.0.compareAtPrice': 'compare_at_not_higher', 'variants.1.price': 'price_invalid', 'variants.1.stock': 'stock_invalid', 'variants.1.sku': 'sku_duplicate' });
  assert.equal(draft.slug, 'caj');
});

test('category tree: ordered depth-first, no moving under a descendant', () => {
  const rows = [
    { id: 1, parentId: null, position: 1 },
    { id: 2, parentId: null, position: 0 },
    { id: 3, parentId: 1, position: 0 },
  ];
  assert.deepEqual(flattenTree(buildTree(rows)).map((n) => [n.id, n.depth]), [[2, 0], [1, 0], [3, 1]]);
  assert.ok(wouldCycle(rows, 1, 3));
  assert.ok(!wouldCycle(rows, 3, 2));
});

test('CSV: semicolons or commas, decimal comma, line numbers of bad rows', () => {
  const { products, problems } = readProductCsv('\uFEFFproduct_name;sku;price;stock\nČaj;C-1;"12,50";3\nČaj;C-2;x;1\n');
  assert.equal(products.length, 1);
  assert.equal(products[0]!.variants[0]!.price, 1250);
  assert.deepEqual(problems, [{ line: 3, column: 'price', problem: 'price_invalid' }]);
  assert.equal(readProductCsv('product_name,sku,price\n"Káva, zrnková",K-1,99.90\n').products[0]!.name, 'Káva, zrnková');
});
