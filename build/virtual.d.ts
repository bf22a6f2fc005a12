declare module 'virtual:langkah/catalog' {
  const catalog: import('../core/catalog').Catalog;
  export default catalog;
}

declare module 'virtual:langkah/holidays' {
  /** Libur nasional and cuti bersama by day key: SKB years plus date-holidays for other years (see data/holidays.yaml). */
  const holidays: import('../core/workdays').HolidayCalendar;
  export default holidays;
}

declare module 'virtual:langkah/lessons' {
  /** Every lesson of lessons/*.md, compiled and validated at build time, sorted by id (see build/lessons.ts). */
  const lessons: import('../core/lesson').Lesson[];
  export default lessons;
}

declare module 'virtual:langkah/lesson-index' {
  /** Every lesson's metadata (no cards or quiz), sorted by id. */
  const lessonIndex: import('../core/lesson').LessonMeta[];
  export default lessonIndex;
}

declare module 'virtual:langkah/lesson-brief' {
  /** Every lesson's metadata without summary and topics, sorted by id. */
  const lessonBrief: import('../core/lesson').LessonBrief[];
  export default lessonBrief;
}

declare module 'virtual:langkah/tips' {
  /** Every tip of data/tips/*.yaml, validated at build time (see build/tips.ts). */
  const tips: import('../core/tips').Tip[];
  export default tips;
}

declare module 'virtual:langkah/paths' {
  /** Role paths of data/paths.yaml, validated at build time (see build/paths.ts), in the file's order. */
  const paths: import('../core/paths').RolePath[];
  export default paths;
}
