import { browser } from 'wxt/browser';
import { useT } from '../../components/I18n';
import { SystemUsageList } from '../../components/SystemUsageList';
import { dayKey } from '../../core/day';
import { getDb } from '../../lib/db';
import { describeSystem } from '../../lib/systems';
import { useLiveQuery } from '../../lib/useLiveQuery';
import { weeklyUsage } from '../../lib/visits';

export function App() {
  const { t } = useT();
  const usage = useLiveQuery(() => weeklyUsage(getDb(), dayKey(Date.now()), describeSystem));
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('appName')}</h1>
        <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_openOptions')}
        </button>
      </header>
      {usage.status === 'loading' && <p class="muted">{t('loading')}</p>}
      {usage.status === 'error' && <p role="alert">{t('error_generic')}</p>}
      {usage.status === 'ready' && <SystemUsageList systems={usage.value} />}
      <p class="muted small">{t('popup_privacyNote')}</p>
    </main>
  );
}
