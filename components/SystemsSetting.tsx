import { SYSTEM_CATEGORIES } from '../core/catalog';
import { disabledSystems } from '../lib/settings';
import { catalog } from '../lib/systems';
import { useStorageItem } from '../lib/useStorageItem';
import { categoryKey } from './CategoryLabel';
import { useT } from './I18n';

/** The catalog grouped by category, each system with a switch. */
export function SystemsSetting() {
  const { t } = useT();
  const disabled = useStorageItem(disabledSystems);
  if (disabled === undefined) return null;
  const toggle = async (id: string, on: boolean) => {
    const current = await disabledSystems.getValue();
    await disabledSystems.setValue(on ? current.filter((x) => x !== id) : [...new Set([...current, id])]);
  };
  return (
    <section aria-labelledby="systems-title" class="settings-section">
      <h2 id="systems-title">{t('options_systems_title')}</h2>
      <p class="muted">{t('options_systems_intro')}</p>
      {SYSTEM_CATEGORIES.map((category) => {
        const systems = catalog.systems.filter((s) => s.category === category);
        if (systems.length === 0) return null;
        return (
          <fieldset key={category} class="system-group">
            <legend>{t(categoryKey(category))}</legend>
            <ul class="system-list">
              {systems.map((system) => {
                const on = !disabled.includes(system.id);
                return (
                  <li key={system.id}>
                    <label class="switch">
                      <input
                        type="checkbox"
                        checked={on}
                        data-testid="system-toggle"
                        data-system-id={system.id}
                        aria-label={t('options_systems_toggle', system.name)}
                        onChange={(e) => void toggle(system.id, e.currentTarget.checked)}
                      />
                      <span class="system-name">{system.name}</span>
                      {!on && <span class="muted"> ({t('options_systems_off')})</span>}
                    </label>
                    <span class="muted system-purpose">{system.purpose}</span>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </section>
  );
}
