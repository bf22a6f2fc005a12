import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExampleCard } from '../core/lesson';
import { useT } from './I18n';

export interface ExampleCardViewProps {
  card: ExampleCard;
}

/**
 * A worked example: the scenario, then its steps one at a time. "Langkah
 * berikutnya" shows the next step, which a screen reader announces (the list
 * is a polite live region); the button keeps focus until the last step, then
 * focus moves to that step so the keyboard never falls back to the page.
 */
export function ExampleCardView({ card }: ExampleCardViewProps) {
  const { t } = useT();
  const [shown, setShown] = useState(1);
  const last = useRef<HTMLLIElement>(null);
  const all = shown >= card.steps.length;
  useEffect(() => {
    if (all && shown > 1) last.current?.focus();
  }, [all, shown]);
  return (
    <div class="example" data-testid="example-card" data-shown={shown} data-steps={card.steps.length}>
      <div class="card-body" dangerouslySetInnerHTML={{ __html: card.html }} />
      <ol class="example-steps" aria-live="polite" aria-relevant="additions">
        {card.steps.slice(0, shown).map((step, i) => (
          <li
            key={i}
            ref={i === shown - 1 ? last : undefined}
            tabIndex={i === shown - 1 && all ? -1 : undefined}
            data-testid="example-step"
            dangerouslySetInnerHTML={{ __html: step }}
          />
        ))}
      </ol>
      <p class="progress muted">{t('lesson_stepProgress', shown, card.steps.length)}</p>
      {!all && (
        <button type="button" class="secondary" data-testid="example-next" onClick={() => setShown((n) => n + 1)}>
          {t('lesson_nextStep')}
        </button>
      )}
    </div>
  );
}
