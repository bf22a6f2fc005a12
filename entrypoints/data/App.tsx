import { browser } from 'wxt/browser';
import { useT } from '../../components/I18n';
import { LrsStatus } from '../../components/LrsStatus';
import type { MessageKey } from '../../lib/i18n';
import { useLiveQuery } from '../../lib/useLiveQuery';

const STORED: MessageKey[] = [
  'data_what_visits',
  'data_what_completions',
  'data_what_reviews',
  'data_what_tips',
  'data_what_settings',
  'data_what_receipts',
];

const SECTIONS: [MessageKey, MessageKey][] = [
  ['data_never_title', 'data_never_text'],
  ['data_where_title', 'data_where_text'],
  ['data_howLong_title', 'data_howLong_text'],
  ['data_leaves_title', 'data_leaves_text'],
];

/**
 * "Data Anda": in plain words, what Langkah keeps, where, for how long, and
 * that nothing leaves the device unless the learner exports it — with what is
 * kept right now, counted live, and the way to the data settings.
 */
export function App() {
  const { t, n } = useT();
  const counts = useLiveQuery(async (db) => {
    const [completions, visitDays, tips, reviews] = await Promise.all([
      db.completions.count(),
      // One per day and system, as before schema v6 kept them in one record per day.
      db.visitDays.toArray().then((days) => days.reduce((n, d) => n + Object.keys(d.systems).length, 0)),
      db.tipOffers.count(),
      db.reviews.count(),
    ]);
    return { completions, visitDays, tips, reviews };
  });
  document.title = `${t('data_title')} · Langkah`;
  const rows: [MessageKey, keyof NonNullable<typeof value>][] = [
    ['data_now_completions', 'completions'],
    ['data_now_visitDays', 'visitDays'],
    ['data_now_tips', 'tips'],
    ['data_now_reviews', 'reviews'],
  ];
  const value = counts.status === 'ready' ? counts.value : null;
  return (
    <main class="page" data-testid="data-page">
      <h1>{t('data_title')}</h1>
      <p>{t('data_intro')}</p>

      <section aria-labelledby="data-what">
        <h2 id="data-what">{t('data_what_title')}</h2>
        <ul>
          {STORED.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>

      {SECTIONS.map(([title, text]) => (
        <section key={title} aria-labelledby={title}>
          <h2 id={title}>{t(title)}</h2>
          <p>{t(text)}</p>
        </section>
      ))}

      <section aria-labelledby="data-now">
        <h2 id="data-now">{t('data_now_title')}</h2>
        <dl class="data-counts" data-testid="data-counts">
          {rows.map(([label, key]) => (
            <div key={key}>
              <dt>{t(label)}</dt>
              <dd data-testid={`data-count-${key}`}>{value ? n(value[key]) : '…'}</dd>
            </div>
          ))}
        </dl>
      </section>

      <LrsStatus />

      <section aria-labelledby="data-control">
        <h2 id="data-control">{t('data_control_title')}</h2>
        <p>{t('data_control_text')}</p>
        <p>
          <a href={`${browser.runtime.getURL('/options.html')}#data-title`} data-testid="data-open-options">
            {t('data_openOptions')}
          </a>
        </p>
      </section>
    </main>
  );
}
