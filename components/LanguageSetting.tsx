import { useState } from 'preact/hooks';
import { isLocale, LOCALES, type Locale } from '../lib/i18n';
import { effectiveLocale } from '../lib/policy';
import { uiLanguage } from '../lib/settings';
import { useEffectiveSetting, usePolicy } from '../lib/usePolicy';
import { useT } from './I18n';
import { LockedNote } from './LockedNote';

/** Lets the learner pick the interface language regardless of the browser's. */
export function LanguageSetting() {
  const { t, locale } = useT();
  const [saved, setSaved] = useState(false);
  const locked = useEffectiveSetting(effectiveLocale, uiLanguage)?.locked ?? false;
  const agencyName = usePolicy()?.policy.agencyName;
  const labels: Record<Locale, string> = { id: t('options_language_id'), en: t('options_language_en') };
  return (
    <div class="field">
      <label for="ui-language">{t('options_language_label')}</label>
      <select
        id="ui-language"
        data-testid="ui-language"
        value={locale}
        disabled={locked}
        aria-describedby={locked ? 'ui-language-locked' : undefined}
        onChange={async (event) => {
          const value = event.currentTarget.value;
          if (!isLocale(value)) return;
          await uiLanguage.setValue(value);
          setSaved(true);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {labels[code]}
          </option>
        ))}
      </select>
      {locked && <LockedNote setting="locale" id="ui-language-locked" agencyName={agencyName} />}
      <span role="status" class="muted" data-testid="language-status">
        {saved ? t('options_saved') : ''}
      </span>
    </div>
  );
}
