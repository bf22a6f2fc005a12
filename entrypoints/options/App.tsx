import { useT } from '../../components/I18n';
import { LanguageSetting } from '../../components/LanguageSetting';

export function App() {
  const { t } = useT();
  return (
    <main class="page">
      <h1>{t('options_title')}</h1>
      <LanguageSetting />
    </main>
  );
}
