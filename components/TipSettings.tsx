import { storage } from 'wxt/utils/storage';
import { type CapSettings, DEFAULT_CAPS } from '../core/caps';
import { featureDisabled } from '../core/policy';
import { effectiveCaps, LEARNER_KEYS } from '../lib/policy';
import { dailyLessonCard, tipCaps, tipsNever, tipsOffSystems } from '../lib/settings';
import { createRegistry } from '../lib/systems';
import { useEffectiveSetting, usePolicy } from '../lib/usePolicy';
import { useStorageItem } from '../lib/useStorageItem';
import { useT } from './I18n';
import { LockedNote } from './LockedNote';

const registry = createRegistry();

/** The tip caps, quiet hours and switches, all in the learner's hands. */
export function TipSettings() {
  const { t } = useT();
  const capsSetting = useEffectiveSetting(effectiveCaps, tipCaps);
  const lessonCard = useStorageItem(dailyLessonCard);
  const never = useStorageItem(tipsNever);
  const systemsOff = useStorageItem(tipsOffSystems);
  const policy = usePolicy()?.policy;
  if (!capsSetting || lessonCard === undefined || !never || !systemsOff || !policy) return null;
  const caps = capsSetting.value;
  const quietLocked = capsSetting.locked;
  const tipsOff = featureDisabled(policy, 'tips');
  const lessonCardOff = featureDisabled(policy, 'dailyLessonCard');
  // Saved from what applies now; a locked quiet-hours policy stays the agency's, not the learner's choice.
  const update = (patch: Partial<CapSettings>) =>
    void storage.getItem<CapSettings>(LEARNER_KEYS.quietHours).then((stored) =>
      tipCaps.setValue({
        ...caps,
        ...(quietLocked ? { quietHours: (stored ?? DEFAULT_CAPS).quietHours } : {}),
        ...patch,
      }),
    );
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
      {tipsOff && (
        <p class="muted locked-note" data-testid="feature-off-tips">
          {t('policy_featureOff_tips')}
        </p>
      )}
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
      <fieldset
        class="system-group"
        disabled={quietLocked}
        aria-describedby={quietLocked ? 'quiet-hours-locked' : undefined}
      >
        <legend>{t('options_tips_quiet')}</legend>
        {quietLocked && <LockedNote setting="quiet-hours" id="quiet-hours-locked" agencyName={policy.agencyName} />}
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
          checked={lessonCard && !lessonCardOff}
          disabled={lessonCardOff}
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
