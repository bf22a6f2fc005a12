import { useT } from '../../components/I18n';
import { InternalSystemsSetting } from '../../components/InternalSystemsSetting';
import { LanguageSetting } from '../../components/LanguageSetting';
import { PauseSetting } from '../../components/PauseSetting';
import { SystemsSetting } from '../../components/SystemsSetting';

export function App() {
  const { t } = useT();
  return (
    <main class="page">
      <h1>{t('options_title')}</h1>
      <LanguageSetting />
      <PauseSetting />
      <SystemsSetting />
      <InternalSystemsSetting />
    </main>
  );
}
