/**
 * Every kind of automatic card, one line each. A page gets the first card
 * that the applicable kinds, by priority, can build (core/cards.ts
 * `planCards`). To add a kind: write its module next to these (a `Card`:
 * trigger plus `offer`) and add it here.
 */
import { dailyLesson } from './daily-lesson';
import type { Card } from './shared';
import { tip } from './tip';
import { topicReader } from './topic-reader';

// biome-ignore format: one kind per line, so adding one is a one-line change.
export const CARDS: readonly Card[] = [
  dailyLesson,
  topicReader,
  tip,
];
