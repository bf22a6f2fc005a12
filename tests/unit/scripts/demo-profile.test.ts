import { describe, expect, it } from 'vitest';
import { canShowTip, DEFAULT_CAPS } from '../../../core/caps';
import { DEMO_SETTINGS } from '../../../scripts/demo-profile';

const nothingShown = { shownToday: [], systemsOff: new Set<string>(), laterToday: new Set<string>() };
const at21 = new Date(2026, 10, 24, 21).getTime();

describe('the demo profile (npm start)', () => {
  it('shows a tip at 21:00, where the default profile is quiet', () => {
    expect(canShowTip(DEFAULT_CAPS, nothingShown, 'siasn', at21, 21 * 60)).toEqual({
      ok: false,
      reason: 'quiet-hours',
    });
    expect(canShowTip(DEMO_SETTINGS.tipCaps, nothingShown, 'siasn', at21, 21 * 60)).toEqual({ ok: true });
  });

  it('keeps every other cap as the learner would have it', () => {
    expect({ ...DEMO_SETTINGS.tipCaps, quietHours: DEFAULT_CAPS.quietHours }).toEqual(DEFAULT_CAPS);
  });
});
