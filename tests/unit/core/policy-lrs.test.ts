import { describe, expect, it } from 'vitest';
import { parsePolicy, policyReport } from '../../../core/policy';

describe('policy key lrs', () => {
  it('takes an opt-in LRS with an https endpoint, and off', () => {
    const lrs = { mode: 'opt-in', endpoint: 'https://lrs.instansi.go.id/xapi/', key: 'k', secret: 's' };
    expect(parsePolicy({ lrs }).policy.lrs).toEqual(lrs);
    expect(parsePolicy({ lrs: { mode: 'off' } }).policy.lrs).toEqual({ mode: 'off' });
  });

  it('drops a plain-http endpoint or an unknown mode, naming the key', () => {
    for (const lrs of [
      { mode: 'opt-in', endpoint: 'http://lrs.instansi.go.id/xapi/', key: 'k', secret: 's' },
      { mode: 'always', endpoint: 'https://lrs.instansi.go.id/xapi/', key: 'k', secret: 's' },
    ]) {
      const read = parsePolicy({ lrs });
      expect(read.policy.lrs).toBeUndefined();
      expect(read.problems).toEqual([{ key: 'lrs', reason: 'invalid' }]);
    }
  });

  it('keeps the secret out of the helpdesk report', () => {
    const report = policyReport(
      parsePolicy({ lrs: { mode: 'opt-in', endpoint: 'https://lrs.go.id/x', key: 'kunci', secret: 'RAHASIA' } }),
    );
    expect(report).toContain('kunci');
    expect(report).not.toContain('RAHASIA');
  });
});
