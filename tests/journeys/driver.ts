/**
 * What a journey may do with a browser. Two drivers implement it:
 * `drivers/playwright.ts` (Chromium, Playwright) and `drivers/puppeteer.ts`
 * (Firefox ESR, puppeteer-core over WebDriver BiDi). Every difference between
 * the browsers — how an extension page opens, how the extension's storage is
 * reached, how shadow roots are pierced, how a tab opened by the extension is
 * caught, how a download is caught and a file chosen — lives in those two
 * files; the journeys never see it.
 *
 * Elements are addressed by test id, optionally narrowed by attributes:
 * `{ testId: 'system-toggle', attrs: { 'data-system-id': 'srikandi' } }`. A
 * test id is found in the page and in every open shadow root (the tip card).
 */

export type Target = string | { testId: string; attrs?: Readonly<Record<string, string>> };

/** The CSS selector of a target (no piercing; the drivers add that). */
export function selectorOf(target: Target): string {
  const { testId, attrs = {} } = typeof target === 'string' ? { testId: target } : target;
  const extra = Object.entries(attrs)
    .map(([name, value]) => `[${name}="${value}"]`)
    .join('');
  return `[data-testid="${testId}"]${extra}`;
}

/** A file the browser downloaded, as the learner finds it on disk. */
export interface DownloadedFile {
  /** The file's name, as the page suggested it. */
  name: string;
  /** Where the file is, to choose it again in a file input. */
  path: string;
  text: string;
}

/** Keys the journeys press; both drivers know them by these names. */
export type Key = 'Tab' | 'Enter' | 'Escape' | 'Space';

export interface PageHandle {
  /** The document's URL now (`location.href`: Firefox's driver reports extension pages as about:blank). */
  url(): Promise<string>;
  /** Waits until the target is in the page and visible. */
  waitForTestId(target: Target, timeoutMs?: number): Promise<void>;
  /** Waits until no element matches the target. */
  waitForNoTestId(target: Target, timeoutMs?: number): Promise<void>;
  /** Clicks the first visible match with a real pointer event. */
  clickTestId(target: Target): Promise<void>;
  /** Types `text` into the target key by key, as the learner would (an `input` event per key). */
  typeIntoTestId(target: Target, text: string): Promise<void>;
  /** Clicks the target and returns the file the browser downloads because of it, once it is complete. */
  downloadFrom(target: Target, timeoutMs?: number): Promise<DownloadedFile>;
  /** Chooses the file at `path` in the target file input, as the file picker would (fires `change`). */
  uploadFile(target: Target, path: string): Promise<void>;
  /** Chooses `value` in a `<select>`, as the learner would (fires `change`). */
  selectTestId(target: Target, value: string): Promise<void>;
  /** `textContent` of the first match, trimmed; null when none matches. */
  textOfTestId(target: Target): Promise<string | null>;
  /** An attribute of the first match; null when absent or nothing matches. */
  attrOfTestId(target: Target, name: string): Promise<string | null>;
  /** The `checked` state of the first match (a checkbox); null when nothing matches. */
  checkedOfTestId(target: Target): Promise<boolean | null>;
  countTestId(target: Target): Promise<number>;
  /** `textContent` of the first element matching a plain CSS selector (for headings), trimmed. */
  textOf(css: string): Promise<string | null>;
  /** `lang` of the document element. */
  documentLang(): Promise<string>;
  /** A key press on the focused element (real keyboard input). */
  pressKey(key: Key): Promise<void>;
  /** The test id of the focused element, looking into shadow roots; null when it has none. */
  focusedTestId(): Promise<string | null>;
  /** Brings the tab to the front (keyboard input goes to the front tab in some browsers). */
  bringToFront(): Promise<void>;
  /** A full-page PNG of the viewport. */
  screenshot(): Promise<Uint8Array>;
  /** Resolves when the tab is gone (closed by the page or the extension). */
  waitForClose(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  /** `chromium` or `firefox`, for messages only: a journey never branches on it. */
  readonly browserName: string;
  /** Opens `http://<host>:<port><path>` of the fixture server in a new tab, mapped to loopback. */
  openSite(host: string, path?: string): Promise<PageHandle>;
  /** Opens an extension page (`popup.html`, `options.html?x`) in a new tab and waits for `readyTestId`. */
  openExtensionPage(path: string, readyTestId: Target): Promise<PageHandle>;
  /** Writes items into the extension's `storage.local` (test settings). */
  setLocalStorage(items: Readonly<Record<string, unknown>>): Promise<void>;
  /** Reads items from the extension's `storage.local`. */
  getLocalStorage(keys: readonly string[]): Promise<Record<string, unknown>>;
  /**
   * Runs `action` and returns the tab the extension opens because of it,
   * whose URL contains `urlPart`, once `readyTestId` shows in it.
   */
  waitForNewPage(action: () => Promise<void>, urlPart: string, readyTestId: Target): Promise<PageHandle>;
}
