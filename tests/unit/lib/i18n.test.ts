import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_INPUT_ERRORS } from '../../../core/host-input';
import { createTranslator, LOCALES, loadTranslator, substitute } from '../../../lib/i18n';

const localesDir = resolve(__dirname, '../../../public/_locales');
const read = (locale: string) =>
  JSON.parse(readFileSync(resolve(localesDir, locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const placeholders = (message: string) => [...message.matchAll(/\$([1-9])/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  it('exist for exactly the supported locales', () => {
    expect(readdirSync(localesDir).sort()).toEqual([...LOCALES].sort());
  });

  it('have the same keys in every locale', () => {
    const [first, ...rest] = LOCALES.map((l) => Object.keys(read(l)).sort());
    for (const keys of rest) expect(keys).toEqual(first);
  });

  it('use the same placeholders for a key in every locale, and no empty message', () => {
    const id = read('id');
    const en = read('en');
    for (const key of Object.keys(id)) {
      expect(id[key]?.message.trim(), key).not.toBe('');
      expect(en[key]?.message.trim(), key).not.toBe('');
      // Plural "one" forms may spell the number out ("opened once").
      if (!key.endsWith('_one'))
        expect(placeholders(en[key]?.message ?? ''), key).toEqual(placeholders(id[key]?.message ?? ''));
    }
  });

  it('have valid browser message keys', () => {
    for (const key of Object.keys(read('id'))) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });
});

describe('messages the code builds from codes', () => {
  it('exist for every host input error', () => {
    const id = read('id');
    for (const code of HOST_INPUT_ERRORS) expect(id, code).toHaveProperty(`hostError_${code.replace(/-/g, '_')}`);
  });
});

describe('translator', () => {
  it('substitutes $1…$9 and keeps $$ as a dollar', () => {
    expect(substitute('$1 dari $2 ($$)', [1, 3])).toBe('1 dari 3 ($)');
  });

  it('counts in each language', async () => {
    const id = await loadTranslator('id');
    const en = await loadTranslator('en');
    expect(id.tn('popup_views', 1)).toBe('1 kali dibuka');
    expect(id.tn('popup_views', 1200)).toBe('1.200 kali dibuka');
    expect(en.tn('popup_views', 1)).toBe('opened once');
    expect(en.tn('popup_views', 1200)).toBe('opened 1,200 times');
  });

  it('falls back to Indonesian, then to the key', () => {
    const en = createTranslator('en', { a: { message: 'A' } }, { a: { message: 'a' }, b: { message: 'b' } });
    expect([en.t('a' as never), en.t('b' as never), en.t('c' as never)]).toEqual(['A', 'b', 'c']);
  });
});
