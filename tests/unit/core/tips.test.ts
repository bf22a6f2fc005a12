import { describe, expect, it } from 'vitest';
import { chooseTip, type Tip, type TipElement } from '../../../core/tips';

const tip = (id: string, over: Partial<Tip> = {}): Tip => ({
  id,
  system: 'siasn',
  text: `Tip ${id}`,
  context: null,
  element: null,
  lesson: null,
  ...over,
});

const tips: Tip[] = [
  tip('siasn-1'),
  tip('siasn-login', { context: 'login' }),
  tip('siasn-password', { element: 'password' }),
  tip('srikandi-1', { system: 'srikandi' }),
  tip('umum-1', { system: 'umum' }),
];

const page = (systemId: string, context: string | null = null, elements: TipElement[] = []) => ({
  systemId,
  context,
  elements: new Set(elements),
});

describe('chooseTip', () => {
  it('prefers the most specific unseen tip: element, then context, then system, then general', () => {
    expect(chooseTip(tips, page('siasn', 'login', ['password']), new Set(), new Map())?.tip.id).toBe('siasn-password');
    expect(chooseTip(tips, page('siasn', 'login'), new Set(), new Map())?.tip.id).toBe('siasn-login');
    expect(chooseTip(tips, page('siasn'), new Set(), new Map())?.tip.id).toBe('siasn-1');
    expect(chooseTip(tips, page('dapodik'), new Set(), new Map())?.tip.id).toBe('umum-1');
  });

  it('prefers the system’s own tip over a general one bound to an element', () => {
    const withGeneral = [tip('umum-password', { system: 'umum', element: 'password' }), tip('siasn-1')];
    expect(chooseTip(withGeneral, page('siasn', null, ['password']), new Set(), new Map())?.tip.id).toBe('siasn-1');
  });

  it('says which rules matched', () => {
    expect(chooseTip(tips, page('siasn', 'login', ['password']), new Set(), new Map())?.matched).toEqual({
      system: 'siasn',
      context: null,
      element: 'password',
    });
  });

  it('never shows a tip of another system, nor one whose context or element is absent', () => {
    const onlyOthers = [
      tip('a', { system: 'srikandi' }),
      tip('b', { context: 'login' }),
      tip('c', { element: 'file-upload' }),
    ];
    expect(chooseTip(onlyOthers, page('siasn', 'dashboard', ['password']), new Set(), new Map())).toBeNull();
  });

  it('rotates: an unseen tip beats a seen one, then the least recently shown', () => {
    const seen = new Map([['siasn-password', 100]]);
    expect(chooseTip(tips, page('siasn', 'login', ['password']), new Set(), seen)?.tip.id).toBe('siasn-login');
    const allSeen = new Map([
      ['siasn-password', 300],
      ['siasn-login', 200],
      ['siasn-1', 250],
      ['umum-1', 400],
    ]);
    expect(chooseTip(tips, page('siasn', 'login', ['password']), new Set(), allSeen)?.tip.id).toBe('siasn-login');
  });

  it('skips tips dismissed with "Jangan tampilkan lagi"', () => {
    const never = new Set(['siasn-password', 'siasn-login', 'siasn-1']);
    expect(chooseTip(tips, page('siasn', 'login', ['password']), never, new Map())?.tip.id).toBe('umum-1');
    expect(chooseTip(tips, page('siasn'), new Set([...never, 'umum-1']), new Map())).toBeNull();
  });
});
