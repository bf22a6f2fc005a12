import { GENERIC_GOV_ID } from '../core/catalog';
import type { SystemUsage } from '../lib/visits';
import { useT } from './I18n';

export interface SystemUsageListProps {
  systems: SystemUsage[];
}

/** "Sistem yang Anda gunakan minggu ini": one row per system, most used first. */
export function SystemUsageList({ systems }: SystemUsageListProps) {
  const { t, tn } = useT();
  return (
    <section aria-labelledby="weekly-systems-title" data-testid="weekly-systems">
      <h2 id="weekly-systems-title">{t('popup_weeklySystems_title')}</h2>
      {systems.length === 0 ? (
        <p class="muted">{t('popup_weeklySystems_empty')}</p>
      ) : (
        <ul class="usage">
          {systems.map((s) => (
            <li key={s.systemId} data-testid="system-usage" data-system-id={s.systemId}>
              <span class="usage-name">{s.systemId === GENERIC_GOV_ID ? t('system_genericGov') : s.name}</span>
              <span class="usage-count" data-testid="system-usage-views" data-views={s.views}>
                {tn('popup_views', s.views)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
