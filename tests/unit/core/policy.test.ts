import { describe, expect, it } from 'vitest';
import { effectiveSetting, featureDisabled, parsePolicy, policyReport } from '../../../core/policy';

describe('parsePolicy', () => {
  it('reads nothing from no policy', () => {
    for (const raw of [undefined, null, {}, [], 'x', 3]) {
      expect(parsePolicy(raw)).toEqual({ policy: {}, problems: [], present: false });
    }
  });

  it('keeps every valid key', () => {
    const read = parsePolicy({
      agencyName: '  Pemerintah Kota Contoh ',
      supportUrl: 'https://helpdesk.contoh.go.id/langkah',
      reminder: { value: { enabled: true, time: '07:45' }, locked: true },
      quietHours: { value: { enabled: true, start: '16:00', end: '07:30' } },
      dailyGoal: { value: 2 },
      workWeek: { value: 6, locked: false },
      locale: { value: 'en' },
      disabledFeatures: ['topicReader'],
      extraHolidays: [{ date: '2027-03-01', kind: 'libur-daerah', name: 'Hari jadi kota' }],
    });
    expect(read.problems).toEqual([]);
    expect(read.present).toBe(true);
    expect(read.policy).toMatchObject({
      agencyName: 'Pemerintah Kota Contoh',
      reminder: { value: { enabled: true, time: '07:45' }, locked: true },
      dailyGoal: { value: 2 },
      workWeek: { value: 6, locked: false },
      disabledFeatures: ['topicReader'],
    });
    expect(featureDisabled(read.policy, 'topicReader')).toBe(true);
    expect(featureDisabled(read.policy, 'tips')).toBe(false);
  });

  it.each([
    ['dailyGoal', { value: 9 }],
    ['dailyGoal', 2],
    ['workWeek', { value: 7 }],
    ['reminder', { value: { enabled: true, time: '25:00' } }],
    ['quietHours', { value: { enabled: true, start: '5pm', end: '07:00' } }],
    ['locale', { value: 'fr' }],
    ['supportUrl', 'http://helpdesk.contoh.go.id'],
    ['supportUrl', 'javascript:alert(1)'],
    ['agencyName', ''],
    ['disabledFeatures', ['tips', 'deleteAll']],
    ['extraHolidays', [{ date: '2027-02-30', kind: 'libur-daerah', name: 'X' }]],
  ])('drops a bad %s and lists it, keeping the rest', (key, value) => {
    const read = parsePolicy({ agencyName: 'Instansi', [key]: value });
    expect(read.problems).toEqual([{ key, reason: 'invalid' }]);
    expect(read.policy).toEqual(key === 'agencyName' ? {} : { agencyName: 'Instansi' });
  });

  it('lists an unknown key; privacy controls are not keys, so a policy cannot switch them off', () => {
    const read = parsePolicy({ deleteAllDisabled: true, paused: { value: true, locked: true } });
    expect(read.problems).toEqual([
      { key: 'deleteAllDisabled', reason: 'unknown-key' },
      { key: 'paused', reason: 'unknown-key' },
    ]);
    expect(read.policy).toEqual({});
    expect(read.present).toBe(true);
  });

  it('checks internal systems one by one with the options parser; ids come from hosts', () => {
    const read = parsePolicy(
      {
        internalSystems: [
          { host: 'HTTPS://SIMPEG.Contoh.go.id:8443/login', name: 'SIMPEG Kota', category: 'kepegawaian' },
          { host: '*.intra', name: 'Wildcard' },
          { host: 'siasn.bkn.go.id', name: 'SIASN palsu' },
          { host: 'simpeg.contoh.go.id', name: 'Lagi' },
          { host: 'arsip.intra', name: '' },
          { host: 'e-office.intra', name: 'E-Office', id: 'siasn' },
        ],
      },
      { isCatalogHost: (host) => host === 'siasn.bkn.go.id' },
    );
    expect(read.policy.internalSystems).toEqual([
      { id: 'internal-simpeg.contoh.go.id', host: 'simpeg.contoh.go.id', name: 'SIMPEG Kota', category: 'kepegawaian' },
      // An `id` in the file is ignored: the id always comes from the host.
      { id: 'internal-e-office.intra', host: 'e-office.intra', name: 'E-Office', category: null },
    ]);
    expect(read.problems).toEqual([
      { key: 'internalSystems[1].host', reason: 'bad-host' },
      { key: 'internalSystems[2].host', reason: 'catalog-host' },
      { key: 'internalSystems[3].host', reason: 'duplicate' },
      { key: 'internalSystems[4]', reason: 'invalid' },
    ]);
  });

  it('refuses an internal-systems list that is not a list or too long', () => {
    expect(parsePolicy({ internalSystems: 'simpeg' }).problems).toEqual([
      { key: 'internalSystems', reason: 'invalid' },
    ]);
    const many = Array.from({ length: 51 }, (_, i) => ({ host: `s${i}.intra`, name: `S${i}` }));
    expect(parsePolicy({ internalSystems: many }).problems).toEqual([{ key: 'internalSystems', reason: 'invalid' }]);
  });

  it('survives hostile values without throwing', () => {
    const deep: Record<string, unknown> = {};
    let node = deep;
    for (let i = 0; i < 5000; i++) node = node.x = {} as Record<string, unknown>;
    const hostile = Object.create(null) as Record<string, unknown>;
    // biome-ignore lint/suspicious/noProto: an own "__proto__" key on an object without a prototype, as a hostile policy has
    hostile.__proto__ = { agencyName: 'x' };
    hostile.dailyGoal = deep;
    hostile.agencyName = 'A'.repeat(10_000);
    const read = parsePolicy(hostile);
    expect(read.policy).toEqual({});
    expect(read.problems.map((p) => p.key).sort()).toEqual(['__proto__', 'agencyName', 'dailyGoal']);
  });
});

describe('effectiveSetting: locked policy > learner > policy default > built-in', () => {
  it.each([
    [undefined, undefined, { value: 1, locked: false, source: 'built-in' }],
    [2, undefined, { value: 2, locked: false, source: 'learner' }],
    [null, { value: 3 }, { value: 3, locked: false, source: 'policy-default' }],
    [2, { value: 3 }, { value: 2, locked: false, source: 'learner' }],
    [2, { value: 3, locked: false }, { value: 2, locked: false, source: 'learner' }],
    [2, { value: 3, locked: true }, { value: 3, locked: true, source: 'policy-locked' }],
    [undefined, { value: 3, locked: true }, { value: 3, locked: true, source: 'policy-locked' }],
  ])('learner %j, policy %j', (learner, policy, expected) => {
    expect(effectiveSetting(1, learner, policy)).toEqual(expected);
  });
});

describe('policyReport', () => {
  it('is plain text a helpdesk can paste: valid keys, then what was ignored', () => {
    const report = policyReport(parsePolicy({ dailyGoal: { value: 2, locked: true }, agencyName: 'BKD', foo: 1 }));
    expect(report).toBe('agencyName: "BKD"\ndailyGoal: {"value":2,"locked":true}\n! foo: unknown-key');
  });
});
