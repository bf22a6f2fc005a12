import type { CapSettings } from '../core/caps';
import { dailyLessonCard, tipCaps, tipsNever, tipsOffSystems } from '../lib/settings';
import { createRegistry } from '../lib/systems';
import { useStorageItem } from '../lib/useStorageItem';
import { useT } from './I18n';

const registry = createRegistry();

/** The tip caps, quiet hours and switches, all in the learner's hands. */
export function TipSettings() {
  const { t } = useT();
  const caps = useStorageItem(tipCaps);
  const lessonCard = useStorageItem(dailyLessonCard);
  const never = useStorageItem(tipsNever);
  const systemsOff = useStorageItem(tipsOffSystems);
  if (!caps || lessonCard === undefined || !never || !systemsOff) return null;
  const update = (patch: Partial<CapSettings>) => void tipCaps.setValue({ ...caps, ...patch });
  const number = (id: string, label: string, value: number, min: number, max: number, key: keyof CapSettings) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        value={value}
        disabled={!caps.enabled}
        onChange={(e) => {
          const n = Math.round(Number(e.currentTarget.value));
          if (Number.isFinite(n) && n >= min && n <= max) update({ [key]: n });
        }}
      />
    </div>
  );
  return (
    <section aria-labelledby="tips-title" class="settings-section">
      <h2 id="tips-title">{t('options_tips_title')}</h2>
      <p class="muted">{t('options_tips_intro')}</p>
      <label class="switch">
        <input
          type="checkbox"
          data-testid="tips-enabled"
          checked={caps.enabled}
          onChange={(e) => update({ enabled: e.currentTarget.checked })}
        />
        {t('options_tips_enabled')}
      </label>
      {number('tips-per-day', t('options_tips_perDay'), caps.perDay, 1, 10, 'perDay')}
      {number('tips-per-system', t('options_tips_perSystem'), caps.perSystemPerDay, 1, 5, 'perSystemPerDay')}
      {number('tips-gap', t('options_tips_gap'), caps.minMinutesBetween, 0, 480, 'minMinutesBetween')}
      <fieldset class="system-group">
        <legend>{t('options_tips_quiet')}</legend>
        <label class="switch">
          <input
            type="checkbox"
            checked={caps.quietHours !== null}
            disabled={!caps.enabled}
            onChange={(e) => update({ quietHours: e.currentTarget.checked ? { start: '17:00', end: '07:00' } : null })}
          />
          {t('options_tips_quiet')}
        </label>
        {caps.quietHours && (
          <div class="field">
            <label for="quiet-from">{t('options_tips_quietFrom')}</label>
            <input
              id="quiet-from"
              type="time"
              value={caps.quietHours.start}
              onChange={(e) =>
                caps.quietHours && update({ quietHours: { ...caps.quietHours, start: e.currentTarget.value } })
              }
            />
            <label for="quiet-to">{t('options_tips_quietTo')}</label>
            <input
              id="quiet-to"
              type="time"
              value={caps.quietHours.end}
              onChange={(e) =>
                caps.quietHours && update({ quietHours: { ...caps.quietHours, end: e.currentTarget.value } })
              }
            />
          </div>
        )}
      </fieldset>
      <label class="switch">
        <input
          type="checkbox"
          data-testid="daily-lesson-card"
          checked={lessonCard}
          onChange={(e) => void dailyLessonCard.setValue(e.currentTarget.checked)}
        />
        {t('options_tips_lessonCard')}
      </label>
      {systemsOff.length > 0 && (
        <div>
          <p>{t('options_tips_hiddenSystems', systemsOff.map((id) => registry.describe(id).name).join(', '))}</p>
          {systemsOff.map((id) => (
            <button
              key={id}
              type="button"
              class="secondary"
              onClick={() => void tipsOffSystems.setValue(systemsOff.filter((s) => s !== id))}
            >
              {t('options_tips_turnOnSystem', registry.describe(id).name)}
            </button>
          ))}
        </div>
      )}
      {never.length > 0 && (
        <p>
          <button type="button" class="secondary" onClick={() => void tipsNever.setValue([])}>
            {t('options_tips_resetHidden', never.length)}
          </button>
        </p>
      )}
    </section>
  );
}
