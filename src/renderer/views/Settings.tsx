import { BackupRestore } from '../components/BackupRestore.tsx';
import { NetworkRules } from '../components/network/NetworkRules.tsx';
import { GettingStartedAgain } from '../components/settings/GettingStartedAgain.tsx';
import { TimeSettings } from '../components/settings/TimeSettings.tsx';
import { StartupAndUpdates } from '../components/StartupAndUpdates.tsx';

export function Settings() {
  return (
    <>
      <TimeSettings />
      <NetworkRules />
      <StartupAndUpdates />
      <BackupRestore />
      <GettingStartedAgain />
    </>
  );
}
