import type { DayKey } from '../core/day';
import type { DayStatus, DayStatusEntry } from '../core/streak';
import { formatDayKey } from '../lib/dates';
import type { MessageKey, Translator } from '../lib/i18n';
import { useT } from './I18n';

export interface HabitHeatmapProps {
  /** Whole weeks, Senin first, oldest first (lib/habits `heatmapWindow`). */
  days: DayStatusEntry[];
  today: DayKey;
}

/** A symbol per status, so colour is never the only signal (rest days are striped instead). */
export const STATUS_SYMBOL: Record<DayStatus, string> = {
  goal: '✓',
  frozen: '◆',
  missed: '–',
  'pending-today': '•',
  rest: '',
  holiday: '★',
  leave: '○',
  future: '',
};

const LEGEND: DayStatus[] = ['goal', 'frozen', 'missed', 'pending-today', 'rest', 'holiday', 'leave'];

const statusKey = (status: DayStatus) => `heatmap_status_${status.replace('-', '_')}` as MessageKey;

/** "Senin, 24 November 2026: 2 pelajaran — target tercapai" */
export function cellLabel(entry: DayStatusEntry, isToday: boolean, i18n: Translator): string {
  const { t, tn, locale } = i18n;
  const date = formatDayKey(entry.day, locale, 'long');
  let status = t(statusKey(entry.status));
  if (entry.status === 'holiday' && entry.holiday) status = t('heatmap_holiday', entry.holiday);
  if (entry.status === 'leave' && entry.leave) status = t(`leave_kind_${entry.leave.replace('-', '_')}` as MessageKey);
  const day = isToday ? t('heatmap_today', date) : date;
  return entry.status === 'future' ? `${day} — ${status}` : `${day}: ${tn('heatmap_lessons', entry.count)} — ${status}`;
}

/**
 * The last 12 weeks as a calendar: a column per week, Senin at the top. Each
 * day is drawn by its status with a symbol or pattern and carries a full
 * spoken label; today's cell is outlined and marked `data-today`.
 */
export function HabitHeatmap({ days, today }: HabitHeatmapProps) {
  const i18n = useT();
  const { t, locale } = i18n;
  const weeks: DayStatusEntry[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return (
    <section aria-labelledby="heatmap-title" class="heatmap" data-testid="heatmap">
      <h2 id="heatmap-title">{t('heatmap_title')}</h2>
      <div class="heatmap-body">
        <div class="heatmap-months" aria-hidden="true">
          {weeks.map((week, i) => {
            const first = week.find((d) => d.day.endsWith('-01'));
            const label = i === 0 ? week[0] : first;
            return <span key={week[0]?.day ?? i}>{label ? formatDayKey(label.day, locale, 'month') : ''}</span>;
          })}
        </div>
        <div class="heatmap-weekdays" aria-hidden="true">
          {(weeks[0] ?? []).map((d, i) => (
            <span key={d.day}>{i % 2 === 0 ? formatDayKey(d.day, locale, 'weekday') : ''}</span>
          ))}
        </div>
        <ol class="heatmap-days" aria-labelledby="heatmap-title">
          {days.map((entry) => {
            const isToday = entry.day === today;
            const label = cellLabel(entry, isToday, i18n);
            return (
              <li key={entry.day}>
                <span
                  role="img"
                  class="heatmap-cell"
                  data-status={entry.status}
                  data-day={entry.day}
                  data-count={entry.count}
                  data-today={isToday ? 'true' : undefined}
                  aria-label={label}
                  title={label}
                >
                  {STATUS_SYMBOL[entry.status]}
                </span>
              </li>
            );
          })}
        </ol>
      </div>
      <ul class="heatmap-legend" aria-label={t('heatmap_legend')}>
        {LEGEND.map((status) => (
          <li key={status}>
            <span class="heatmap-cell" data-status={status} aria-hidden="true">
              {STATUS_SYMBOL[status]}
            </span>
            {t(statusKey(status))}
          </li>
        ))}
      </ul>
    </section>
  );
}
