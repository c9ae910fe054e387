import { BackupRestore } from './BackupRestore.tsx';
import { DevicesSettings } from './DevicesSettings.tsx';
import { NetworkRules } from '../balance/NetworkRules.tsx';
import { GettingStartedAgain } from './GettingStartedAgain.tsx';
import { TimeSettings } from './TimeSettings.tsx';
import { StartupAndUpdates } from './StartupAndUpdates.tsx';

export function Settings() {
  return (
    <>
      <TimeSettings />
      <NetworkRules />
      <StartupAndUpdates />
      <DevicesSettings />
      <BackupRestore />
      <GettingStartedAgain />
    </>
  );
}
