import { render } from 'preact';
import '../../components/base.css';
import { I18nProvider } from '../../components/I18n';
import { App } from './App';

const root = document.getElementById('app');
if (root) {
  render(
    <I18nProvider>
      <App />
    </I18nProvider>,
    root,
  );
}
