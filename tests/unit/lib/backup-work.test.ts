/**
 * The backup worker's contract (lib/backup-work.ts): what the options page
 * sends and what comes back, answered by the same code the worker runs.
 */
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, type CurrentData } from '../../../core/backup';
import { handleBackupWork } from '../../../lib/backup-work';

const empty = (): CurrentData => ({ completions: [], reviews: [], visits: [], tipLog: [], leave: [], settings: {} });

describe('handleBackupWork', () => {
  it('refuses 10 MB of nested brackets as too deeply nested, in under a second, answering the request id', async () => {
    const file = new Blob(['['.repeat(5 * 1024 * 1024), ']'.repeat(5 * 1024 * 1024)]);
    const started = performance.now();
    const response = await handleBackupWork({ id: 7, kind: 'parse', file, today: '2026-12-02' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(response).toEqual({
      id: 7,
      kind: 'parse',
      ok: true,
      result: { ok: false, error: { code: 'too-deep', path: [] } },
    });
  });

  it('refuses a file over the size limit before reading its text', async () => {
    const file = { size: 21 * 1024 * 1024, text: () => Promise.reject(new Error('read')) } as unknown as Blob;
    const response = await handleBackupWork({ id: 1, kind: 'parse', file });
    expect(response).toMatchObject({ ok: true, result: { ok: false, error: { code: 'too-large' } } });
  });

  it('parses a good file and plans its import', async () => {
    const data = { ...empty(), settings: { dailyGoal: 2 } };
    const text = JSON.stringify({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: '2026-11-28T09:15:00Z',
      data,
    });
    const parsed = await handleBackupWork({ id: 2, kind: 'parse', file: new Blob([text]), today: '2026-12-02' });
    expect(parsed).toMatchObject({ id: 2, ok: true, result: { ok: true, backup: { data } } });
    const planned = await handleBackupWork({ id: 3, kind: 'plan', current: empty(), backup: data, mode: 'ganti' });
    expect(planned).toMatchObject({
      id: 3,
      kind: 'plan',
      ok: true,
      result: { mode: 'ganti', setSettings: { dailyGoal: 2 } },
    });
  });

  it('answers a failure as a message, never by throwing', async () => {
    const file = { size: 10, text: () => Promise.reject(new Error('disk gone')) } as unknown as Blob;
    expect(await handleBackupWork({ id: 4, kind: 'parse', file })).toEqual({
      id: 4,
      kind: 'parse',
      ok: false,
      message: 'disk gone',
    });
  });
});
