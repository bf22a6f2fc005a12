import { AgencySettings } from '../../components/AgencySettings';
import { DataSetting } from '../../components/DataSetting';
import { HabitSettings } from '../../components/HabitSettings';
import { useT } from '../../components/I18n';
import { InternalSystemsSetting } from '../../components/InternalSystemsSetting';
import { LanguageSetting } from '../../components/LanguageSetting';
import { LeaveSetting } from '../../components/LeaveSetting';
import { LrsSetting } from '../../components/LrsSetting';
import { ManagedBy } from '../../components/ManagedBy';
import { PathsSetting } from '../../components/PathsSetting';
import { PauseSetting } from '../../components/PauseSetting';
import { ReminderSetting } from '../../components/ReminderSetting';
import { SystemsSetting } from '../../components/SystemsSetting';
import { TipSettings } from '../../components/TipSettings';
import { usePolicy } from '../../lib/usePolicy';

export function App() {
  const { t } = useT();
  const policy = usePolicy();
  return (
    <main class="page">
      <h1>{t('options_title')}</h1>
      <p>
        <a class="button secondary" href="/library.html" data-testid="options-library-link">
          {t('library_link')}
        </a>
      </p>
      <ManagedBy read={policy} />
      <LanguageSetting />
      <PathsSetting />
      <HabitSettings />
      <ReminderSetting />
      <LeaveSetting />
      <TipSettings />
      <PauseSetting />
      <SystemsSetting />
      <InternalSystemsSetting />
      <DataSetting />
      <LrsSetting />
      <AgencySettings read={policy} />
    </main>
  );
}
