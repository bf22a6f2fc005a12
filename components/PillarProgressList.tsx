import type { LessonMeta } from '../core/lesson';
import type { PillarProgress } from '../lib/habits';
import type { MessageKey } from '../lib/i18n';
import { useT } from './I18n';

export interface PillarProgressListProps {
  pillars: PillarProgress[];
  /** Lessons that are "kuat" (review interval of 21 days or more); counted per pillar once known. */
  strong?: ReadonlySet<string>;
  lessons?: readonly Pick<LessonMeta, 'id' | 'pillar'>[];
}

/** Lessons done out of those available, per pillar of the digital-literacy framework, and how many are strong. */
export function PillarProgressList({ pillars, strong, lessons = [] }: PillarProgressListProps) {
  const { t } = useT();
  const strongIn = (pillar: string) => lessons.filter((l) => l.pillar === pillar && strong?.has(l.id)).length;
  return (
    <section aria-labelledby="pillars-title" class="pillars" data-testid="pillars">
      <h2 id="pillars-title">{t('pillars_title')}</h2>
      <ul class="pillar-list">
        {pillars.map((p) => {
          const nameId = `pillar-${p.pillar}`;
          return (
            <li
              key={p.pillar}
              data-testid="pillar-progress"
              data-pillar={p.pillar}
              data-done={p.done}
              data-available={p.available}
            >
              <span class="pillar-name" id={nameId}>
                {t(`pillar_${p.pillar.replace('-', '_')}` as MessageKey)}
              </span>
              <progress max={Math.max(1, p.available)} value={p.done} aria-labelledby={`${nameId} ${nameId}-count`} />
              <span class="pillar-count muted" id={`${nameId}-count`}>
                {p.available > 0 ? t('pillars_count', p.done, p.available) : t('pillars_none')}
                {strong && p.done > 0 && (
                  <span data-testid="pillar-strong" data-strong={strongIn(p.pillar)}>
                    {' · '}
                    {t('pillars_strong', strongIn(p.pillar))}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {strong && <p class="muted small">{t('pillars_strongHint')}</p>}
    </section>
  );
}
