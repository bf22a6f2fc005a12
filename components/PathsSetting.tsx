import rolePathList from 'virtual:langkah/paths';
import { useState } from 'preact/hooks';
import { chosenPaths } from '../core/paths';
import { rolePaths } from '../lib/settings';
import { useStorageItem } from '../lib/useStorageItem';
import { useT } from './I18n';

export interface PathChoicesProps {
  /** Called after each saved change. */
  onSaved?: () => void;
}

/**
 * The role paths (data/paths.yaml) as check boxes, saved at once to the
 * setting today's pick reads. At least one stays chosen: unticking the last
 * one falls back to "Semua ASN", and says so.
 */
export function PathChoices({ onSaved }: PathChoicesProps) {
  const { t, locale } = useT();
  const stored = useStorageItem(rolePaths);
  const [fellBack, setFellBack] = useState(false);
  if (stored === undefined) return null;
  const chosen = chosenPaths(stored, rolePathList);

  const toggle = async (id: string, on: boolean) => {
    const current = chosenPaths(await rolePaths.getValue(), rolePathList);
    const next = on ? [...current, id] : current.filter((other) => other !== id);
    const cleaned = chosenPaths(next, rolePathList);
    setFellBack(!on && next.length === 0);
    await rolePaths.setValue(cleaned);
    onSaved?.();
  };

  return (
    <fieldset class="choice-group path-choices" data-testid="path-choices" aria-describedby="paths-hint">
      <legend>{t('paths_legend')}</legend>
      <p id="paths-hint" class="muted">
        {t('paths_hint')}
      </p>
      {rolePathList.map((path) => (
        <label key={path.id} class="switch path-choice">
          <input
            type="checkbox"
            name="role-path"
            value={path.id}
            data-testid={`path-${path.id}`}
            checked={chosen.includes(path.id)}
            aria-describedby={`path-desc-${path.id}`}
            onChange={(e) => void toggle(path.id, e.currentTarget.checked)}
          />
          <span>
            <strong>{path.name[locale]}</strong>
            <span id={`path-desc-${path.id}`} class="muted path-description">
              {path.description[locale]}
            </span>
          </span>
        </label>
      ))}
      <p aria-live="polite" class="muted" data-testid="paths-status">
        {fellBack ? t('paths_needOne') : ''}
      </p>
    </fieldset>
  );
}

/** The options page section for the role paths. */
export function PathsSetting() {
  const { t } = useT();
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="paths-title" class="settings-section" data-testid="paths-settings">
      <h2 id="paths-title">{t('paths_legend')}</h2>
      <PathChoices onSaved={() => setSaved(true)} />
      <p aria-live="polite" class="muted">
        {saved ? t('options_saved') : ''}
      </p>
    </section>
  );
}
