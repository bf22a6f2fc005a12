import { OUTBOX_LIMIT } from '../core/outbox';
import type { OutboxEntry } from '../lib/db';
import { sendMessage } from '../lib/messaging';
import { outboxSummary } from '../lib/outbox';
import { useLiveQuery } from '../lib/useLiveQuery';
import { useLrsSetup } from '../lib/useLrsSetup';
import { useT } from './I18n';

interface StatementTableProps {
  testId: string;
  rows: OutboxEntry[];
  /** Heading and cell of the one column that differs (score for sent, reason for parked). */
  lastColumn: string;
  last: (row: OutboxEntry) => string | undefined;
  time: (at: number | undefined) => string;
  verb: (row: OutboxEntry) => string;
}

/** Statements as a table: when, verb, lesson, and one more column. */
function StatementTable({ testId, rows, lastColumn, last, time, verb }: StatementTableProps) {
  const { t } = useT();
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('lrs_col_time')}</th>
          <th scope="col">{t('lrs_col_verb')}</th>
          <th scope="col">{t('lrs_col_lesson')}</th>
          <th scope="col">{lastColumn}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{time(r.sentAt)}</td>
            <td>{verb(r)}</td>
            <td>
              <code>{r.lessonId}</code>
            </td>
            <td>{last(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * "Data Anda": what went to the agency's LRS, when and where, what is waiting
 * (with the bound), what the LRS refused and why, and a 401/403 in plain words.
 */
export function LrsStatus() {
  const { t, n, locale } = useT();
  const setup = useLrsSetup();
  const summary = useLiveQuery((db) => outboxSummary(db, 20));
  if (!setup) return null;
  const time = (at: number | undefined) =>
    at === undefined
      ? ''
      : new Date(at).toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const verb = (r: OutboxEntry) => t(`lrs_verb_${r.verb}` as 'lrs_verb_completed');
  const s = summary.status === 'ready' ? summary.value : null;
  return (
    <section aria-labelledby="lrs-status-title" data-testid="lrs-status">
      <h2 id="lrs-status-title">{t('lrs_statusTitle')}</h2>
      {setup.state === 'off' ? (
        <p data-testid="lrs-status-off">{t('lrs_statusOff')}</p>
      ) : (
        <>
          <p data-testid="lrs-status-to">{t('lrs_statusTo', setup.config.endpoint)}</p>
          <p data-testid="lrs-status-state">
            {t(setup.state === 'needs-consent' ? 'lrs_state_needsConsent' : `lrs_state_${setup.state}`)}
          </p>
        </>
      )}
      {s && (
        <>
          <p data-testid="lrs-waiting">{t('lrs_waiting', n(s.waiting), n(OUTBOX_LIMIT))}</p>
          {s.state.dropped > 0 && <p data-testid="lrs-dropped">{t('lrs_dropped', n(s.state.dropped))}</p>}
          {s.state.lastSuccessAt !== null && <p>{t('lrs_lastSuccess', time(s.state.lastSuccessAt))}</p>}
          {s.state.auth && (
            <p role="alert" class="notice" data-testid="lrs-auth-error">
              {t('lrs_authError', s.state.auth.status)}
            </p>
          )}
          {!s.state.auth && s.state.lastError && s.state.notBefore > 0 && (
            <p role="status" class="notice" data-testid="lrs-retry">
              {t('lrs_retry', s.state.lastError.reason, time(s.state.notBefore))}
            </p>
          )}
          {setup.state === 'on' && (
            <p>
              <button
                type="button"
                data-testid="lrs-send-now"
                onClick={() => void sendMessage('lrsSendNow', { force: true }).catch(() => undefined)}
              >
                {t('lrs_sendNow')}
              </button>
            </p>
          )}
          <h3>{t('lrs_sentTitle', n(s.sentCount))}</h3>
          {s.sent.length === 0 ? (
            <p>{t('lrs_sentNone')}</p>
          ) : (
            <StatementTable
              testId="lrs-sent"
              rows={s.sent}
              lastColumn={t('lrs_col_score')}
              last={(r) =>
                r.statement.result.score ? `${r.statement.result.score.raw}/${r.statement.result.score.max}` : ''
              }
              time={time}
              verb={verb}
            />
          )}
          {s.parked.length > 0 && (
            <>
              <h3>{t('lrs_parkedTitle')}</h3>
              <StatementTable
                testId="lrs-parked"
                rows={s.parked}
                lastColumn={t('lrs_col_reason')}
                last={(r) => r.reason}
                time={time}
                verb={verb}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
