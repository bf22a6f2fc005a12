import catalog from 'virtual:langkah/catalog';
import { useMemo, useState } from 'preact/hooks';
import { LESSON_LEVELS, type LessonLevel } from '../core/lesson';
import {
  buildSearchIndex,
  filterChoices,
  groupByPillar,
  type LessonState,
  type LibraryFilter,
  type LibraryLesson,
  lessonStates,
  matchesFilter,
  searchLessons,
} from '../core/library';
import type { MessageKey } from '../lib/i18n';
import { useLiveQuery } from '../lib/useLiveQuery';
import { useT } from './I18n';

export interface LessonLibraryProps {
  lessons: readonly LibraryLesson[];
}

const STATE_MARK: Record<LessonState, string> = { baru: '○', selesai: '✓', 'perlu-diulang': '↻', kuat: '★' };
const systemNames = new Map(catalog.systems.map((s) => [s.id, s.name]));

/** The lesson page for `id`, telling it to come back to the library when done. */
export function lessonHref(id: string, review = false): string {
  return `/lesson.html?id=${encodeURIComponent(id)}${review ? '&mode=review' : ''}&from=library`;
}

/** The search and filters as kept in the address, so going back to the library finds them again. */
function readParams(): { query: string; filter: LibraryFilter } {
  const params = new URLSearchParams(location.search);
  const level = params.get('level') ?? '';
  return {
    query: params.get('q') ?? '',
    filter: {
      system: params.get('system') ?? '',
      level: (LESSON_LEVELS as readonly string[]).includes(level) ? (level as LessonLevel) : '',
      path: params.get('path') ?? '',
    },
  };
}

function writeParams(query: string, filter: LibraryFilter): void {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const search = params.toString();
  history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
}

interface FilterSelectProps {
  name: keyof LibraryFilter;
  label: string;
  /** The first option, which filters nothing. */
  all: string;
  value: string;
  /** Each choice as [value, label]. */
  options: readonly (readonly [string, string])[];
  onChange: (name: keyof LibraryFilter, value: string) => void;
}

/** One filter of the library: a labelled select (`library-<name>`, test id `library-filter-<name>`). */
function FilterSelect({ name, label, all, value, options, onChange }: FilterSelectProps) {
  return (
    <div class="library-field">
      <label for={`library-${name}`}>{label}</label>
      <select
        id={`library-${name}`}
        data-testid={`library-filter-${name}`}
        value={value}
        onChange={(e) => onChange(name, (e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{all}</option>
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Every lesson, grouped by pillar, with its state for this learner and its
 * length; search by title, summary and topics (core/library.ts), filters by
 * system, level and — when lessons carry them — role path. Each lesson opens
 * in the lesson page, and its completion counts like any other.
 */
export function LessonLibrary({ lessons }: LessonLibraryProps) {
  const { t, tn } = useT();
  const [initial] = useState(readParams);
  const [query, setQuery] = useState(initial.query);
  const [filter, setFilter] = useState<LibraryFilter>(initial.filter);
  const index = useMemo(() => buildSearchIndex(lessons), [lessons]);
  const choices = useMemo(() => filterChoices(lessons), [lessons]);
  const progress = useLiveQuery(async (db) => {
    const [completions, reviews] = await Promise.all([db.completions.toArray(), db.reviews.toArray()]);
    return { completions, reviews };
  });
  const states = useMemo(
    () => (progress.status === 'ready' ? lessonStates(lessons, progress.value, Date.now()) : null),
    [progress, lessons],
  );

  const shown = useMemo(
    () => searchLessons(index, query).filter((lesson) => matchesFilter(lesson, filter)),
    [index, query, filter],
  );
  const searching = query.trim() !== '';

  const update = (nextQuery: string, nextFilter: LibraryFilter) => {
    setQuery(nextQuery);
    setFilter(nextFilter);
    writeParams(nextQuery, nextFilter);
  };
  const setField = (key: keyof LibraryFilter, value: string) => update(query, { ...filter, [key]: value });

  const item = (lesson: LibraryLesson) => {
    const state = states?.get(lesson.id);
    return (
      <li
        key={lesson.id}
        class="library-item"
        data-testid="library-lesson"
        data-lesson-id={lesson.id}
        data-level={lesson.level}
        data-systems={lesson.systems.join(' ')}
        data-state={state}
      >
        <a class="library-link" href={lessonHref(lesson.id)} data-testid="library-start">
          {lesson.title}
        </a>
        <p class="library-summary">{lesson.summary}</p>
        <p class="library-meta muted">
          <span>{tn('lesson_minutes', lesson.minutes)}</span>
          <span>{t(`level_${lesson.level}`)}</span>
          {state && (
            <span class={`library-state is-${state}`} data-testid="library-state">
              <span aria-hidden="true">{STATE_MARK[state]}</span>{' '}
              {t(`library_state_${state.replace('-', '_')}` as MessageKey)}
            </span>
          )}
        </p>
        {state === 'perlu-diulang' && (
          <a class="button secondary" href={lessonHref(lesson.id, true)} data-testid="library-review">
            {t('library_review')}
          </a>
        )}
      </li>
    );
  };

  return (
    <section class="library" aria-labelledby="library-title" data-testid="library">
      <h1 id="library-title">{t('library_title')}</h1>
      <p class="muted">{t('library_intro')}</p>
      <search class="library-tools">
        <div class="library-field library-search">
          <label for="library-q">{t('library_search')}</label>
          <input
            id="library-q"
            type="search"
            data-testid="library-search"
            value={query}
            placeholder={t('library_searchHint')}
            onInput={(e) => update((e.currentTarget as HTMLInputElement).value, filter)}
          />
        </div>
        <FilterSelect
          name="system"
          label={t('library_filter_system')}
          all={t('library_filter_allSystems')}
          value={filter.system}
          options={choices.systems.map((id) => [id, systemNames.get(id) ?? id])}
          onChange={setField}
        />
        <FilterSelect
          name="level"
          label={t('library_filter_level')}
          all={t('library_filter_allLevels')}
          value={filter.level}
          options={LESSON_LEVELS.map((level) => [level, t(`level_${level}`)])}
          onChange={setField}
        />
        {choices.paths.length > 0 && (
          <FilterSelect
            name="path"
            label={t('library_filter_path')}
            all={t('library_filter_allPaths')}
            value={filter.path}
            options={choices.paths.map((path) => [path, path])}
            onChange={setField}
          />
        )}
      </search>
      <p role="status" class="library-count" data-testid="library-count" data-count={shown.length}>
        {shown.length === 0 ? t('library_none') : tn('library_count', shown.length)}
      </p>
      {progress.status === 'error' && <p role="alert">{t('library_stateError')}</p>}
      {shown.length > 0 &&
        (searching ? (
          <ul class="library-list" data-testid="library-results">
            {shown.map(item)}
          </ul>
        ) : (
          groupByPillar(shown).map((group) => (
            <section
              key={group.pillar}
              class="library-group"
              aria-labelledby={`library-${group.pillar}`}
              data-testid="library-group"
              data-pillar={group.pillar}
            >
              <h2 id={`library-${group.pillar}`}>{t(`pillar_${group.pillar.replace('-', '_')}` as MessageKey)}</h2>
              <ul class="library-list">{group.lessons.map(item)}</ul>
            </section>
          ))
        ))}
    </section>
  );
}
