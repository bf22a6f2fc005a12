import { type ComponentType, render } from 'preact';
import './base.css';
import { I18nProvider, loadUiTranslator } from './I18n';

/**
 * Renders an extension page's root component into `#app`, inside the
 * translator provider. The language and its messages are read first (one
 * storage read and one fetch from the package), so the first render is
 * already complete and in the right language.
 */
export async function mountPage(App: ComponentType): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const translator = await loadUiTranslator();
  render(
    <I18nProvider initial={translator}>
      <App />
    </I18nProvider>,
    root,
  );
  // A link such as `options.html#leave-title` names a section that exists only
  // after the first render: bring it into view and move focus there.
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target) {
    target.scrollIntoView({ block: 'start' });
    if (target.tabIndex < 0) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }
}
