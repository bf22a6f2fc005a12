import { AgencySettings } from '../../components/AgencySettings';
import { DataSetting } from '../../components/DataSetting';
import { HabitSettings } from '../../components/HabitSettings';
import { useT } from '../../components/I18n';
import { InternalSystemsSetting } from '../../components/InternalSystemsSetting';
import { LanguageSetting } from '../../components/LanguageSetting';
import { LeaveSetting } from '../../components/LeaveSetting';
import { ManagedBy } from '../../components/ManagedBy';
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
      <ManagedBy read={policy} />
      <LanguageSetting />
      <HabitSettings />
      <ReminderSetting />
      <LeaveSetting />
      <TipSettings />
      <PauseSetting />
      <SystemsSetting />
      <InternalSystemsSetting />
      <DataSetting />
      <AgencySettings read={policy} />
    </main>
  );
}
