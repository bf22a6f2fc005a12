/**
 * Matching a page's title and text against lesson topics, inside the tab
 * (the reader script). Only the best lesson id and topic leave this function.
 */

export interface TopicLesson {
  id: string;
  /** Lower-case keywords and phrases (lesson front matter `topics`). */
  topics: readonly string[];
}

export interface TopicMatch {
  lessonId: string;
  /** The topic that weighed most. */
  topic: string;
  score: number;
}

/** Lower case, no diacritics, punctuation as spaces, single spaces, padded for whole-word search. */
export function normalizeText(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/** Whole-word occurrences of `phrase` (already normalised, without padding) in `haystack` (normalised). */
function occurrences(haystack: string, phrase: string): number {
  const needle = ` ${phrase} `;
  let count = 0;
  let from = haystack.indexOf(needle);
  while (from !== -1) {
    count++;
    from = haystack.indexOf(needle, from + needle.length - 1);
  }
  return count;
}

/** Minimum score for a suggestion: e.g. a topic twice in the text, or once in the title. */
export const MIN_TOPIC_SCORE = 3;

/**
 * The lesson whose topics the page is most about, or null when none is
 * clearly present. A topic counts up to 5 times in the text (1 point each,
 * phrases of several words 2 points) and 3 points in the title.
 * @example matchTopic('Tanda tangan elektronik', '… tanda tangan elektronik …', lessons) // the TTE lesson
 */
export function matchTopic(title: string, text: string, lessons: readonly TopicLesson[]): TopicMatch | null {
  const normTitle = normalizeText(title);
  const normText = normalizeText(text);
  let best: TopicMatch | null = null;
  for (const lesson of lessons) {
    let score = 0;
    let top = { topic: '', weight: 0 };
    for (const raw of lesson.topics) {
      const phrase = normalizeText(raw).trim();
      if (phrase.length < 2) continue;
      const perHit = phrase.includes(' ') ? 2 : 1;
      const weight = Math.min(occurrences(normText, phrase), 5) * perHit + (occurrences(normTitle, phrase) > 0 ? 3 : 0);
      score += weight;
      if (weight > top.weight) top = { topic: raw, weight };
    }
    if (
      score >= MIN_TOPIC_SCORE &&
      (!best || score > best.score || (score === best.score && lesson.id < best.lessonId))
    ) {
      best = { lessonId: lesson.id, topic: top.topic, score };
    }
  }
  return best;
}
