/** Konfigurace → Historie změn: who changed what in the configuration, and when (Prague time). */
import type { SettingsAuditEntry } from '../../../services/settings/ports.js';
import type { PageContext } from '../../views/page-context.js';
import { formatDateTime } from '../../views/format.js';
import { auditLabel, auditValue } from './audit-labels.js';

export function AuditSection({ ctx, entries }: { ctx: PageContext; entries: SettingsAuditEntry[] }) {
  const { t } = ctx;
  if (entries.length === 0) return <div class="empty-state">{t('settings.audit.empty')}</div>;
  return (
    <table class="index-table audit-table">
      <thead>
        <tr>
          <th scope="col">{t('settings.audit.when')}</th>
          <th scope="col">{t('settings.audit.who')}</th>
          <th scope="col">{t('settings.audit.what')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td class="nowrap">{formatDateTime(entry.at, ctx.locale)}</td>
            <td>{entry.actor}</td>
            <td>
              <ul class="changes">
                {entry.changes.map((c, i) => (
                  <li key={i}>
                    <span class="change-label">{auditLabel(t, c.path)}</span>: <del>{auditValue(t, ctx.locale, c.path, c.from)}</del> → <ins>{auditValue(t, ctx.locale, c.path, c.to)}</ins>
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
