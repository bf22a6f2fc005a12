import { describe, expect, it } from 'vitest';
import { matchTopic, normalizeText } from '../../../core/topics';

const lessons = [
  { id: 'tanda-tangan-elektronik', topics: ['tanda tangan elektronik', 'tte', 'bsre', 'sertifikat elektronik'] },
  { id: 'kata-sandi-kuat', topics: ['kata sandi', 'password'] },
  { id: 'data-pribadi', topics: ['data pribadi', 'pdp'] },
];

describe('matchTopic', () => {
  it('finds the lesson an article is about', () => {
    const text = `Pemerintah daerah mulai menerapkan tanda tangan elektronik (TTE) untuk naskah dinas.
      Sertifikat elektronik diterbitkan oleh BSrE. Dengan tanda tangan elektronik, surat tidak perlu dicetak.`;
    expect(matchTopic('Penerapan TTE di lingkungan pemda', text, lessons)).toEqual({
      lessonId: 'tanda-tangan-elektronik',
      topic: 'tanda tangan elektronik',
      score: expect.any(Number),
    });
  });

  it('suggests nothing when no topic is clearly present', () => {
    expect(matchTopic('Jadwal pelayanan', 'Kantor buka pukul 08.00. Data pribadi dijaga.', lessons)).toBeNull();
  });

  it('matches whole words only, ignoring case and diacritics', () => {
    expect(matchTopic('', 'attestasi bsrex tteks', lessons)).toBeNull();
    expect(matchTopic('KATA SANDI', 'Kata-sandi yang kuat.', lessons)?.lessonId).toBe('kata-sandi-kuat');
  });

  it('caps repeated words so keyword stuffing does not dominate', () => {
    const stuffed = 'password '.repeat(100);
    const real = 'data pribadi '.repeat(4);
    expect(matchTopic('', stuffed + real, lessons)?.lessonId).toBe('data-pribadi');
  });

  it('normalises text to padded lower-case words', () => {
    expect(normalizeText('Élan, TTE—BSrE!')).toBe(' elan tte bsre ');
  });
});
