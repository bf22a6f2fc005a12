import { useEffect, useState } from 'preact/hooks';
import { addDays, type DayKey } from '../core/day';
import {
  LEAVE_KINDS,
  LEAVE_MAX_DAYS_AHEAD,
  LEAVE_MAX_DAYS_BACK,
  type LeaveKind,
  type LeaveRange,
  validateLeave,
} from '../core/workdays';
import { todayKey } from '../lib/clock';
import { formatDayKey } from '../lib/dates';
import type { MessageKey } from '../lib/i18n';
import { leaveDays } from '../lib/settings';
import { useStorageItem } from '../lib/useStorageItem';
import { useT } from './I18n';

type Notice = { kind: 'error' | 'ok'; text: string } | null;

const kindKey = (kind: LeaveKind) => `leave_kind_${kind.replace('-', '_')}` as MessageKey;

/** The first leave range that shares a day with `range`, if any. */
export function overlappingLeave(range: LeaveRange, existing: readonly LeaveRange[]): LeaveRange | undefined {
  return existing.find((r) => r.start <= range.end && range.start <= r.end);
}

/**
 * Leave days (cuti, dinas luar, sakit) that never break the streak: add a
 * range up to 30 days ahead and 7 days back, see the list, remove one.
 */
export function LeaveSetting() {
  const { t, locale } = useT();
  const ranges = useStorageItem(leaveDays);
  const [today, setToday] = useState<DayKey | null>(null);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [kind, setKind] = useState<LeaveKind>('cuti');
  const [notice, setNotice] = useState<Notice>(null);
  useEffect(() => {
    void todayKey().then(setToday);
  }, []);
  if (ranges === undefined || today === null) return null;

  const formatDay = (key: DayKey) => formatDayKey(key, locale, 'short');
  const rangeText = (r: LeaveRange) =>
    r.start === r.end ? formatDay(r.start) : `${formatDay(r.start)} – ${formatDay(r.end)}`;

  const add = async (event: Event) => {
    event.preventDefault();
    const now = await todayKey();
    const range: LeaveRange = { start, end: end || start, kind };
    const error = validateLeave(range, now);
    if (error) {
      const subs =
        error === 'too-far-back' ? [LEAVE_MAX_DAYS_BACK] : error === 'too-far-ahead' ? [LEAVE_MAX_DAYS_AHEAD] : [];
      return setNotice({ kind: 'error', text: t(`leaveError_${error.replace(/-/g, '_')}` as MessageKey, ...subs) });
    }
    const current = await leaveDays.getValue();
    const clash = overlappingLeave(range, current);
    if (clash) {
      return setNotice({ kind: 'error', text: t('leaveError_overlap', t(kindKey(clash.kind)), rangeText(clash)) });
    }
    await leaveDays.setValue([...current, range].sort((a, b) => (a.start < b.start ? -1 : 1)));
    setStart('');
    setEnd('');
    setNotice({ kind: 'ok', text: t('options_leave_added', t(kindKey(range.kind)), rangeText(range)) });
  };

  const remove = async (range: LeaveRange) => {
    const current = await leaveDays.getValue();
    await leaveDays.setValue(
      current.filter((r) => !(r.start === range.start && r.end === range.end && r.kind === range.kind)),
    );
    setNotice({ kind: 'ok', text: t('options_leave_removed', t(kindKey(range.kind)), rangeText(range)) });
  };

  return (
    <section aria-labelledby="leave-title" class="settings-section" data-testid="leave-settings">
      <h2 id="leave-title">{t('options_leave_title')}</h2>
      <p class="muted">{t('options_leave_intro', LEAVE_MAX_DAYS_AHEAD, LEAVE_MAX_DAYS_BACK)}</p>
      {ranges.length === 0 ? (
        <p class="muted">{t('options_leave_empty')}</p>
      ) : (
        <ul class="system-list" data-testid="leave-list">
          {[...ranges].reverse().map((r) => (
            <li key={`${r.start}-${r.end}-${r.kind}`} data-testid="leave-range" data-start={r.start} data-end={r.end}>
              <span>
                <strong>{t(kindKey(r.kind))}</strong> <span class="muted">{rangeText(r)}</span>
              </span>
              <button type="button" class="secondary" onClick={() => void remove(r)}>
                {t('options_leave_remove')}
                <span class="visually-hidden">
                  {' '}
                  {t(kindKey(r.kind))} {rangeText(r)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="leave-form" onSubmit={(e) => void add(e)} noValidate>
        <div class="field">
          <label for="leave-kind">{t('options_leave_kind')}</label>
          <select
            id="leave-kind"
            data-testid="leave-kind"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as LeaveKind)}
          >
            {LEAVE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(kindKey(k))}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="leave-start">{t('options_leave_start')}</label>
          <input
            id="leave-start"
            type="date"
            data-testid="leave-start"
            value={start}
            min={addDays(today, -LEAVE_MAX_DAYS_BACK)}
            max={addDays(today, LEAVE_MAX_DAYS_AHEAD)}
            aria-invalid={notice?.kind === 'error'}
            onInput={(e) => setStart(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="leave-end">{t('options_leave_end')}</label>
          <input
            id="leave-end"
            type="date"
            data-testid="leave-end"
            value={end}
            min={start || addDays(today, -LEAVE_MAX_DAYS_BACK)}
            max={addDays(today, LEAVE_MAX_DAYS_AHEAD)}
            aria-describedby="leave-end-hint"
            aria-invalid={notice?.kind === 'error'}
            onInput={(e) => setEnd(e.currentTarget.value)}
          />
          <span id="leave-end-hint" class="muted">
            {t('options_leave_endHint')}
          </span>
        </div>
        <button type="submit" data-testid="leave-add">
          {t('options_leave_add')}
        </button>
        {notice?.kind === 'error' ? (
          <p role="alert" class="error" data-testid="leave-notice">
            {notice.text}
          </p>
        ) : (
          <p aria-live="polite" data-testid="leave-notice">
            {notice?.text ?? ''}
          </p>
        )}
      </form>
    </section>
  );
}
