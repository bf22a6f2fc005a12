import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parseHostInput } from '../core/host-input';
import type { MessageKey } from '../lib/i18n';
import { canRequestPermissions } from '../lib/platform';
import { type InternalSystem, internalSystems } from '../lib/settings';
import { createRegistry } from '../lib/systems';
import { usePolicy } from '../lib/usePolicy';
import { useStorageItem } from '../lib/useStorageItem';
import { AgencySystemsList } from './AgencySystemsList';
import { useT } from './I18n';

type Notice = { kind: 'error' | 'ok'; text: string } | null;

/**
 * Adds and removes the learner's internal systems. The browser's permission
 * prompt is asked straight from the click, for that one host only.
 */
export function InternalSystemsSetting() {
  const { t } = useT();
  const systems = useStorageItem(internalSystems);
  const agencySystems = usePolicy()?.policy.internalSystems ?? [];
  const [name, setName] = useState('');
  const [host, setHost] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  if (systems === undefined) return null;

  const add = (event: Event) => {
    event.preventDefault();
    if (!canRequestPermissions()) return setNotice({ kind: 'error', text: t('options_internal_unavailable') });
    const parsed = parseHostInput(host);
    if (!name.trim()) return setNotice({ kind: 'error', text: t('options_internal_nameMissing') });
    if (!parsed.ok)
      return setNotice({ kind: 'error', text: t(`hostError_${parsed.code.replace(/-/g, '_')}` as MessageKey) });
    if (systems.some((s) => s.host === parsed.host))
      return setNotice({ kind: 'error', text: t('options_internal_duplicate') });
    if (createRegistry().detect(`https://${parsed.host}/`)) {
      return setNotice({ kind: 'error', text: t('options_internal_inCatalog') });
    }
    const system: InternalSystem = { id: `internal-${parsed.host}`, name: name.trim(), host: parsed.host };
    // Requested synchronously inside the click: browsers only prompt during a user gesture.
    void browser.permissions.request({ origins: [parsed.matchPattern] }).then(async (granted) => {
      if (!granted) return setNotice({ kind: 'error', text: t('options_internal_denied') });
      await internalSystems.setValue([...(await internalSystems.getValue()), system]);
      setName('');
      setHost('');
      setNotice({ kind: 'ok', text: t('options_internal_added', system.name) });
    });
  };

  const remove = async (system: InternalSystem) => {
    await internalSystems.setValue((await internalSystems.getValue()).filter((s) => s.id !== system.id));
    await browser.permissions?.remove({ origins: [`*://${system.host}/*`] }).catch(() => false);
    setNotice({ kind: 'ok', text: t('options_internal_removed', system.name) });
  };

  return (
    <section aria-labelledby="internal-title" class="settings-section">
      <h2 id="internal-title">{t('options_internal_title')}</h2>
      <p class="muted">{t('options_internal_intro')}</p>
      {!canRequestPermissions() && (
        <p class="notice" data-testid="internal-unavailable">
          {t('options_internal_unavailable')}
        </p>
      )}
      <AgencySystemsList systems={agencySystems} />
      {systems.length === 0 ? (
        <p class="muted">{t('options_internal_empty')}</p>
      ) : (
        <ul class="system-list" data-testid="internal-systems">
          {systems.map((s) => (
            <li key={s.id} data-testid="internal-system" data-host={s.host}>
              <span>
                <strong>{s.name}</strong> <span class="muted">{s.host}</span>
              </span>
              <button type="button" class="secondary" onClick={() => void remove(s)}>
                {t('options_internal_remove', s.name)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="internal-form" onSubmit={add} noValidate>
        <div class="field">
          <label for="internal-name">{t('options_internal_name')}</label>
          <input id="internal-name" value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={60} />
        </div>
        <div class="field">
          <label for="internal-host">{t('options_internal_host')}</label>
          <input
            id="internal-host"
            value={host}
            onInput={(e) => setHost(e.currentTarget.value)}
            aria-describedby="internal-host-hint"
            aria-invalid={notice?.kind === 'error'}
            spellcheck={false}
            autoComplete="off"
          />
          <span id="internal-host-hint" class="muted">
            {t('options_internal_hostHint')}
          </span>
        </div>
        <button type="submit">{t('options_internal_add')}</button>
        <p role={notice?.kind === 'error' ? 'alert' : 'status'} class={notice?.kind === 'error' ? 'error' : ''}>
          {notice?.text ?? ''}
        </p>
      </form>
    </section>
  );
}
