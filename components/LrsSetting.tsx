import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parseEndpoint } from '../core/outbox';
import type { OutboxEntry } from '../lib/db';
import { sendMessage } from '../lib/messaging';
import { learnerLrs, lrsConsent, lrsPaused, waitingStatements } from '../lib/outbox';
import { useLiveQuery } from '../lib/useLiveQuery';
import { useLrsSetup } from '../lib/useLrsSetup';
import { useStorageItem } from '../lib/useStorageItem';
import { useT } from './I18n';

/**
 * Options: the agency LRS (issue 17). Off by default. The learner enters their
 * own endpoint, key and secret (or the agency's policy names them), sees
 * exactly what will be sent and to whom, and agrees — the browser's host
 * permission for that LRS is requested in the same click. Pausing and
 * withdrawing are always the learner's.
 */
export function LrsSetting() {
  const { t } = useT();
  const setup = useLrsSetup();
  const learner = useStorageItem(learnerLrs);
  const paused = useStorageItem(lrsPaused);
  const [form, setForm] = useState({ endpoint: '', key: '', secret: '' });
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [actor, setActor] = useState<string | null>(null);
  const waiting = useLiveQuery((db) => waitingStatements(db, 5));

  useEffect(() => {
    if (learner) setForm({ endpoint: learner.endpoint, key: learner.key, secret: '' });
  }, [learner?.endpoint, learner?.key]);
  useEffect(() => {
    // Loaded on demand, as DataSetting does: the backup module stays out of the options page's first chunk.
    if (setup?.state === 'needs-consent') void import('../lib/backup').then((m) => m.getXapiActor()).then(setActor);
  }, [setup?.state]);

  if (!setup || learner === undefined || paused === undefined) return null;

  const save = async (e: Event) => {
    e.preventDefault();
    const parsed = parseEndpoint(form.endpoint);
    const secret = form.secret || learner?.secret || '';
    if (!form.endpoint.trim() || !form.key.trim() || !secret)
      return setNotice({ kind: 'error', text: t('lrs_missing') });
    if (!parsed.ok) return setNotice({ kind: 'error', text: t('lrs_badEndpoint') });
    await learnerLrs.setValue({ endpoint: parsed.endpoint, key: form.key.trim(), secret });
    setNotice({ kind: 'ok', text: t('lrs_saved') });
  };

  const remove = async () => {
    await Promise.all([learnerLrs.setValue(null), lrsConsent.setValue(null)]);
    setForm({ endpoint: '', key: '', secret: '' });
    setNotice(null);
  };

  const agree = () => {
    if (setup.state === 'off') return;
    const { endpoint, key } = setup.config;
    const parsed = parseEndpoint(endpoint);
    if (!parsed.ok) return;
    // Requested first, inside the click (browsers require the user's gesture); consent is stored
    // alongside. An LRS that allows CORS is reachable even if the learner declines the permission.
    const grant = browser.permissions?.request
      ? browser.permissions.request({ origins: [parsed.origin] }).catch(() => false)
      : Promise.resolve(true);
    void grant.then((granted) => {
      if (!granted) setNotice({ kind: 'error', text: t('lrs_permissionDenied', parsed.origin) });
    });
    void lrsConsent
      .setValue({ endpoint, key, at: Date.now() })
      .then(() => sendMessage('lrsSendNow', { force: true }))
      .catch((error: unknown) => setNotice({ kind: 'error', text: String(error) }));
  };

  const rows: OutboxEntry[] = waiting.status === 'ready' ? waiting.value : [];
  const policyConfig = setup.state !== 'off' && setup.config.source === 'policy' ? setup.config : null;
  const fromPolicy = policyConfig !== null;

  return (
    <section aria-labelledby="lrs-title" class="settings-section" data-testid="lrs-setting">
      <h2 id="lrs-title">{t('lrs_title')}</h2>
      <p class="muted">{t('lrs_intro')}</p>
      {setup.state === 'off' && setup.reason === 'agency-off' ? (
        <p data-testid="lrs-agency-off">{t('lrs_agencyOff')}</p>
      ) : fromPolicy ? (
        <p data-testid="lrs-agency-lrs">{t('lrs_agencyLrs', policyConfig?.endpoint ?? '')}</p>
      ) : (
        <form onSubmit={(e) => void save(e)} class="stack">
          <label>
            {t('lrs_endpoint')}
            <input
              type="url"
              data-testid="lrs-endpoint"
              value={form.endpoint}
              onInput={(e) => setForm({ ...form, endpoint: e.currentTarget.value })}
            />
          </label>
          <label>
            {t('lrs_key')}
            <input
              type="text"
              autocomplete="off"
              data-testid="lrs-key"
              value={form.key}
              onInput={(e) => setForm({ ...form, key: e.currentTarget.value })}
            />
          </label>
          <label>
            {t('lrs_secret')}
            <input
              type="password"
              autocomplete="off"
              data-testid="lrs-secret"
              value={form.secret}
              placeholder={learner?.secret ? '••••••' : ''}
              onInput={(e) => setForm({ ...form, secret: e.currentTarget.value })}
            />
          </label>
          <p>
            <button type="submit" data-testid="lrs-save">
              {t('lrs_save')}
            </button>{' '}
            {learner && (
              <button type="button" class="secondary" data-testid="lrs-remove" onClick={() => void remove()}>
                {t('lrs_remove')}
              </button>
            )}
          </p>
        </form>
      )}

      {setup.state === 'needs-consent' && (
        <div class="notice" data-testid="lrs-consent">
          <h3>{t('lrs_consentTitle')}</h3>
          <p data-testid="lrs-consent-to">{t('lrs_consentTo', setup.config.endpoint)}</p>
          <ul>
            <li>{t('lrs_consentWhat')}</li>
            <li data-testid="lrs-consent-actor">{t('lrs_consentActor', actor ?? '…')}</li>
            <li>{t('lrs_consentNever')}</li>
          </ul>
          {rows.length > 0 ? (
            <>
              <p>{t('lrs_consentQueued')}</p>
              <ul data-testid="lrs-consent-queued">
                {rows.map((r) => (
                  <li key={r.id}>
                    <code>{r.lessonId}</code> · {t(`lrs_verb_${r.verb}` as 'lrs_verb_completed')}
                    {r.statement.result.score && ` · ${r.statement.result.score.raw}/${r.statement.result.score.max}`} ·{' '}
                    {r.statement.timestamp}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('lrs_consentNone')}</p>
          )}
          <p class="muted">{t('lrs_consentPermission', setup.config.endpoint)}</p>
          <button type="button" data-testid="lrs-agree" onClick={agree}>
            {t('lrs_agree')}
          </button>
        </div>
      )}

      {(setup.state === 'on' || setup.state === 'paused') && (
        <>
          <label class="switch">
            <input
              type="checkbox"
              data-testid="lrs-pause"
              checked={paused}
              onChange={(e) => void lrsPaused.setValue(e.currentTarget.checked)}
            />
            {t('lrs_pause')}
          </label>
          {paused && (
            <p role="status" class="notice">
              {t('lrs_pausedNote')}
            </p>
          )}
          <p>
            <button
              type="button"
              class="secondary"
              data-testid="lrs-withdraw"
              onClick={() => void lrsConsent.setValue(null)}
            >
              {t('lrs_withdraw')}
            </button>
          </p>
        </>
      )}
      {notice && (
        <p role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="lrs-notice" class="notice">
          {notice.text}
        </p>
      )}
    </section>
  );
}
