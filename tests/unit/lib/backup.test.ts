import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type BackupData, type BackupDocument, createBackup, parseBackup } from '../../../core/backup';
import {
  applyImport,
  backupErrorMessage,
  exportBackup,
  exportXapi,
  getXapiActor,
  previewImport,
  readAllData,
  readBackupFile,
  resetXapiActor,
  SETTING_ITEMS,
} from '../../../lib/backup';
import { LangkahDB, type VisitDay } from '../../../lib/db';
import { loadTranslator } from '../../../lib/i18n';
import * as settings from '../../../lib/settings';
import { putVisits, visitsBetween } from '../../../lib/visits';
import { dbV1Records } from '../../fixtures/db/v1';

let db: LangkahDB;

/** The background's answer to the import's redraw message. */
function answerAsBackground() {
  fakeBrowser.runtime.onMessage.addListener((async () => ({ ok: true, value: { refreshed: true } })) as never);
}
let n = 0;

beforeEach(async () => {
  db = new LangkahDB(`backup-test-${++n}`);
  await db.open();
  answerAsBackground();
});

afterEach(async () => {
  await db.delete();
});

async function seed(target: LangkahDB) {
  await target.transaction('rw', target.tables, async () => {
    await target.completions.bulkPut(dbV1Records.completions);
    await target.transaction('rw', target.visitDays, () => putVisits(target, dbV1Records.visits));
    await target.reviews.bulkPut(dbV1Records.reviews);
    await target.tipOffers.bulkPut(dbV1Records.tipLog);
  });
  await settings.dailyGoal.setValue(2);
  await settings.workWeek.setValue(6);
  await settings.leaveDays.setValue([{ start: '2026-12-01', end: '2026-12-02', kind: 'cuti' }]);
  await settings.internalSystems.setValue([
    { id: 'internal-simpeg.contoh.go.id', name: 'SIMPEG', host: 'simpeg.contoh.go.id' },
  ]);
}

async function exportDocument(target = db): Promise<BackupDocument> {
  const file = await exportBackup(target, Date.UTC(2026, 10, 28, 3));
  const parsed = parseBackup(file.text);
  if (!parsed.ok) throw new Error(`export did not parse: ${parsed.error.code}`);
  return parsed.backup;
}

describe('every setting is in the backup', () => {
  it('each storage item of lib/settings.ts is a backup setting, or leaveDays (data.leave)', () => {
    const mapped = new Set(Object.values(SETTING_ITEMS).map((item) => item.key));
    const items = Object.entries(settings).filter(
      ([, value]) => typeof value === 'object' && value !== null && 'key' in value && 'getValue' in value,
    );
    expect(items.length).toBeGreaterThan(10);
    for (const [name, item] of items) {
      if (name === 'leaveDays') continue;
      expect(mapped, `lib/settings.ts ${name} is not in lib/backup.ts SETTING_ITEMS`).toContain(
        (item as { key: string }).key,
      );
    }
  });
});

describe('export', () => {
  it('names the file by the local date and holds every record, leave and setting', async () => {
    await seed(db);
    const file = await exportBackup(db, new Date(2026, 10, 28, 9).getTime());
    expect(file.name).toBe('langkah-cadangan-2026-11-28.json');
    const doc = await exportDocument();
    expect(doc.format).toBe('langkah-cadangan');
    expect(doc.data.completions).toHaveLength(dbV1Records.completions.length);
    expect(doc.data.visits).toHaveLength(dbV1Records.visits.length);
    expect(doc.data.leave).toEqual([{ start: '2026-12-01', end: '2026-12-02', kind: 'cuti' }]);
    expect(doc.data.settings).toMatchObject({ dailyGoal: 2, workWeek: 6, uiLanguage: 'id', paused: false });
    expect(doc.data.settings.xapiActor).toBeUndefined(); // none made yet
  });
});

describe('import', () => {
  it('ganti into an empty device gives back exactly what was exported', async () => {
    await seed(db);
    const before = await readAllData(db);
    const doc = await exportDocument();

    const fresh = new LangkahDB(`backup-test-fresh-${n}`);
    fakeBrowser.reset();
    answerAsBackground();
    expect(await settings.dailyGoal.getValue()).toBe(1);
    await applyImport(fresh, doc, 'ganti');
    expect(await readAllData(fresh)).toEqual(before);
    await fresh.delete();
  });

  it('gabungkan the same file twice changes nothing the second time', async () => {
    await seed(db);
    const doc = await exportDocument();
    const [siasn] = await visitsBetween(db, '2026-11-23', '2026-11-23');
    expect(siasn?.systemId).toBe('siasn');
    await db.transaction('rw', db.visitDays, () => putVisits(db, [{ ...(siasn as VisitDay), views: 1 }])); // fewer than the file
    await db.completions.delete(dbV1Records.completions[0]?.id ?? '');

    const first = await applyImport(db, doc, 'gabungkan');
    expect(first.summary.completions.added).toBe(1);
    expect(first.summary.visits.updated).toBe(1);
    const once = await readAllData(db);

    const second = await previewImport(db, doc, 'gabungkan');
    for (const table of ['completions', 'reviews', 'visits', 'tipLog'] as const) {
      expect(second.summary[table]).toMatchObject({ added: 0, updated: 0 });
    }
    await applyImport(db, doc, 'gabungkan');
    expect(await readAllData(db)).toEqual(once);
  });

  it('gabungkan keeps the learner’s own settings', async () => {
    await seed(db);
    const doc = await exportDocument();
    await settings.dailyGoal.setValue(3);
    await applyImport(db, doc, 'gabungkan');
    expect(await settings.dailyGoal.getValue()).toBe(3);
  });

  it('ganti resets settings the file does not carry and drops derived caches', async () => {
    await seed(db);
    const doc = await exportDocument();
    delete doc.data.settings.paused;
    await settings.paused.setValue(true);
    await fakeBrowser.storage.local.set({ todayPick: { day: '2026-11-28', lessonId: 'x', kind: 'lesson' } });
    await applyImport(db, doc, 'ganti');
    expect(await settings.paused.getValue()).toBe(false);
    expect(await fakeBrowser.storage.local.get('todayPick')).toEqual({});
  });

  it('is all-or-nothing: when writing the settings fails, records and settings are as before', async () => {
    await seed(db);
    const before = await readAllData(db);
    const doc = await exportDocument();
    doc.data.completions = [];
    doc.data.settings.dailyGoal = 3;
    await expect(
      applyImport(db, doc, 'ganti', {
        writeSettings: async (values) => {
          await fakeBrowser.storage.local.set(values); // part of it lands…
          throw new Error('storage quota');
        },
      }),
    ).rejects.toThrow('storage quota');
    expect(await readAllData(db)).toEqual(before);
    expect(await settings.dailyGoal.getValue()).toBe(2);
  });

  it('is all-or-nothing inside the transaction: a record the database refuses writes nothing', async () => {
    await seed(db);
    const before = await readAllData(db);
    const doc = await exportDocument();
    // A visit without its key: IndexedDB refuses it, so the whole transaction is undone.
    doc.data.visits.push({ systemId: 'siasn', views: 1, firstSeen: 1, lastSeen: 2 } as never);
    await expect(applyImport(db, doc, 'ganti')).rejects.toThrow();
    expect(await readAllData(db)).toEqual(before);
  });
});

describe('reading a file', () => {
  it('refuses a file over 20 MB by its size, without reading it', async () => {
    const text = vi.fn(async () => '{}');
    const result = await readBackupFile({ size: 21 * 1024 * 1024, text } as unknown as Blob);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(text).not.toHaveBeenCalled();
  });

  it('reads a real file', async () => {
    await seed(db);
    const file = await exportBackup(db);
    const result = await readBackupFile(new Blob([file.text]));
    expect(result.ok).toBe(true);
  });
});

describe('messages name what is wrong, in Indonesian', () => {
  it.each([
    ['{"format":"x"}', 'bukan cadangan Langkah'],
    ['{', 'bukan JSON yang utuh'],
  ])('%s', async (source, words) => {
    const result = parseBackup(source);
    if (result.ok) throw new Error('expected a refusal');
    expect(backupErrorMessage(result.error, await loadTranslator('id'))).toContain(words);
  });

  it('deep nesting says so, in both languages', async () => {
    const result = parseBackup(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    if (result.ok) throw new Error('expected a refusal');
    expect(backupErrorMessage(result.error, await loadTranslator('en'))).toContain('too deeply nested');
    expect(backupErrorMessage(result.error, await loadTranslator('id'))).toContain('bertingkat terlalu dalam');
    expect(backupErrorMessage(result.error, await loadTranslator('id'))).not.toContain('JSON');
  });

  it('a file the reader could not finish says so and that nothing changed, in both languages', async () => {
    const file = { size: 10, text: () => Promise.reject(new Error('NotReadableError')) } as unknown as Blob;
    const result = await readBackupFile(file, '2026-11-28');
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error).toEqual({ code: 'unreadable', path: [], detail: 'NotReadableError' });
    expect(backupErrorMessage(result.error, await loadTranslator('id'))).toBe(
      'Berkas ini tidak dapat dibaca sampai selesai (NotReadableError). Tidak ada data yang diubah. Coba lagi, atau pilih berkas cadangan lain.',
    );
    expect(backupErrorMessage(result.error, await loadTranslator('en'))).toMatch(/could not be read to the end/);
  });

  it('a day from the future names where, and reading a file checks against the learner’s today', async () => {
    await seed(db);
    const doc = await exportDocument();
    const text = JSON.stringify(doc).replace('"day":"2026-11-24"', '"day":"2027-11-24"');
    const result = await readBackupFile(new Blob([text]), '2026-11-28');
    if (result.ok) throw new Error('expected a refusal');
    expect(backupErrorMessage(result.error, await loadTranslator('id'))).toMatch(/belum tiba.*baris ke-\d+/);
    expect(backupErrorMessage(result.error, await loadTranslator('en'))).toMatch(/has not come yet/);
  });

  it('a bad day names the table, the row and the field', async () => {
    await seed(db);
    const doc = await exportDocument();
    const text = JSON.stringify(doc).replace('"day":"2026-11-24"', '"day":"2026-02-30"');
    const result = parseBackup(text);
    if (result.ok) throw new Error('expected a refusal');
    const message = backupErrorMessage(result.error, await loadTranslator('id'));
    expect(message).toMatch(
      /tanggal yang tidak ada.*(riwayat pelajaran|kunjungan sistem|riwayat tips), baris ke-\d+, kolom “day”/,
    );
    expect(backupErrorMessage(result.error, await loadTranslator('en'))).toMatch(
      /date that does not exist.*row \d+, field “day”/,
    );
  });
});

describe('xAPI actor and export', () => {
  it('makes the opaque id once, keeps it, and makes a new one on reset', async () => {
    const first = await getXapiActor();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(await getXapiActor()).toBe(first);
    const next = await resetXapiActor();
    expect(next).not.toBe(first);
    expect(await getXapiActor()).toBe(next);
  });

  it('exports two statements per completion under the learner’s id, and the id travels in the backup', async () => {
    await seed(db);
    const en = await loadTranslator('en');
    const file = await exportXapi(db, [], en, Date.UTC(2026, 10, 28, 3));
    expect(file.statements).toBe(dbV1Records.completions.length * 2);
    expect(file.name).toMatch(/^langkah-xapi-\d{4}-\d{2}-\d{2}\.json$/);
    const statements = JSON.parse(file.text) as { actor: { account: { name: string } } }[];
    expect(statements[0]?.actor.account.name).toBe(await getXapiActor());
    expect((await exportDocument()).data.settings.xapiActor).toBe(await getXapiActor());
  });
});

describe('applyImport, the code production runs', () => {
  it('importing the same file twice changes nothing the second time (any data, any file)', async () => {
    const hex = (n: number) => n.toString(16).padStart(32, '0');
    const day = fc.constantFrom('2026-11-23', '2026-11-24', '2026-11-25');
    const visit = fc.record({
      day,
      systemId: fc.constantFrom('siasn', 'srikandi', 'sakti'),
      views: fc.integer({ min: 1, max: 50 }),
      firstSeen: fc.integer({ min: 0, max: 1000 }),
      lastSeen: fc.integer({ min: 1000, max: 2000 }),
    });
    const completion = fc.record({
      id: fc.integer({ min: 1, max: 20 }).map(hex),
      lessonId: fc.constantFrom('kata-sandi-kuat', 'tanda-tangan-elektronik'),
      kind: fc.constantFrom('lesson' as const, 'review' as const),
      day,
      completedAt: fc.integer({ min: 0, max: 1e6 }),
      utcOffset: fc.constant(420),
      correct: fc.constant(1),
      total: fc.constant(2),
      durationMs: fc.constant(1000),
    });
    const tables = fc.record({
      completions: fc.uniqueArray(completion, { selector: (c) => c.id, maxLength: 6 }),
      visits: fc.uniqueArray(visit, { selector: (v) => `${v.day}+${v.systemId}`, maxLength: 6 }),
    });
    const asData = (t: Pick<BackupData, 'completions' | 'visits'>): BackupData => ({
      ...t,
      reviews: [],
      tipLog: [],
      leave: [],
      settings: {},
    });
    const views = (d: BackupData) => d.visits.reduce((sum, v) => sum + v.views, 0);
    await fc.assert(
      fc.asyncProperty(tables, tables, async (a, b) => {
        await db.transaction('rw', db.tables, async () => {
          for (const table of db.tables) await table.clear();
          await db.completions.bulkPut(a.completions);
          await putVisits(db, a.visits);
        });
        const file = createBackup(asData(b), '2026-11-28T09:00:00.000Z');
        await applyImport(db, file, 'gabungkan');
        const once = await readAllData(db);
        const second = await applyImport(db, file, 'gabungkan');
        expect(second.writes.completions).toEqual([]);
        expect(second.writes.visits).toEqual([]);
        expect(await readAllData(db)).toEqual(once);
        // Nothing the device had is lost, nothing counted twice.
        expect(views(once)).toBeGreaterThanOrEqual(Math.max(views(asData(a)), views(asData(b))));
        expect(views(once)).toBeLessThanOrEqual(views(asData(a)) + views(asData(b)));
        expect(once.completions.length).toBe(new Set([...a.completions, ...b.completions].map((c) => c.id)).size);
      }),
      { numRuns: 30 },
    );
  });
});
