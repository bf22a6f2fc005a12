import { type ComponentType, render } from 'preact';
import './base.css';
import { I18nProvider } from './I18n';

/** Renders an extension page's root component into `#app`, inside the translator provider. */
export function mountPage(App: ComponentType): void {
  const root = document.getElementById('app');
  if (root) {
    render(
      <I18nProvider>
        <App />
      </I18nProvider>,
      root,
    );
  }
}
