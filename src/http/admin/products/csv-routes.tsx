/** CSV import and export of products and variants in the Zboží panel. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import type { Services } from '../../../services/services.js';
import type { CsvProblem } from '../../../domain/catalog/product-csv.js';
import { AdminLayout } from '../../views/admin-layout.js';
import { CsrfField } from '../../views/components.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';
import { isMessageKey } from '../../i18n/messages.js';
import { adminFrame } from '../shell/routes.js';
import { takeFlash } from '../catalog-forms.js';
import { PRODUCTS_PATH } from './list-view.js';
import { csrfFromQuery, readUpload } from './multipart.js';

export function registerProductCsvRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  const page = (request: FastifyRequest, reply: FastifyReply, problems: CsvProblem[] | null, fileError?: string) => {
    const ctx = pageContext(request);
    const { t } = ctx;
    const frame = adminFrame(request, reply);
    const message = (key: string) => (isMessageKey(`field.${key}`) ? t(`field.${key}` as 'field.value_invalid') : key);
    return reply.type('text/html; charset=utf-8').send(
      renderDocument(
        <AdminLayout ctx={ctx} title={t('prod.csv')} admin={frame} current="products" flash={takeFlash(request)}>
          <p>
            <a href={PRODUCTS_PATH}>← {t('nav.products')}</a>
          </p>
          <p class="lead">{t('prod.csvLead')}</p>
          {problems && (
            <div class="error-summary" role="alert" tabIndex={-1}>
              <h2>{t('prod.importFailed')}</h2>
              <ul class="csv-problems">
                {problems.slice(0, 500).map((p, i) => (
                  <li key={i}>
                    <strong>{t('prod.importLine', { line: p.line })}</strong>
                    {p.column ? ` · ${p.column}` : ''}: {message(p.problem)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p>
            <a class="button" href={`${PRODUCTS_PATH}/export.csv`} download>
              {t('prod.export')}
            </a>
          </p>
          <form method="post" action={`${PRODUCTS_PATH}/import?_csrf=${encodeURIComponent(frame.csrfToken)}`} enctype="multipart/form-data" class="stack panel-box">
            <CsrfField token={frame.csrfToken} />
            <div class={`field ${fileError ? 'field-error' : ''}`}>
              <label for="file">{t('prod.importFile')}</label>
              {fileError && <p class="error-message">{fileError}</p>}
              <input type="file" id="file" name="file" accept=".csv,text/csv" />
            </div>
            <button type="submit" class="button-primary">
              {t('prod.import')}
            </button>
          </form>
        </AdminLayout>,
      ),
    );
  };

  app.get(`${PRODUCTS_PATH}/import`, async (request, reply) => page(request, reply, null));

  app.post(`${PRODUCTS_PATH}/import`, { preValidation: csrfFromQuery }, async (request, reply) => {
    const upload = await readUpload(request, 'file');
    if (upload.file === null || upload.file === 'too_large') {
      reply.code(422);
      return page(request, reply, null, request.t(upload.file === null ? 'field.csv_file_required' : 'field.csv_too_many_rows'));
    }
    const result = await services.importProductsCsv(upload.file);
    if (!result.ok) {
      reply.code(422);
      return page(request, reply, result.problems);
    }
    request.session.flash = { kind: 'success', text: request.t('prod.importDone', { created: result.created, updated: result.updated, variants: result.variants }) };
    return reply.redirect(PRODUCTS_PATH, 303);
  });

  app.get(`${PRODUCTS_PATH}/export.csv`, async (_request, reply) => {
    const date = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-disposition', `attachment; filename="zbozi-${date}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(Readable.from(services.exportProductsCsv()));
  });
}
