import type { DevicesView } from '../../shared/devices.ts';
import type { AppStatus } from '../../shared/types.ts';
import { useDevices } from '../devices/devicesStore.ts';
import { useApp } from '../shell/appStore.ts';
import { useNow } from '../useNow.ts';
import { DeviceList } from './DeviceList.tsx';
import { DeviceNameForm } from './DeviceNameForm.tsx';
import { StartSyncing } from './StartSyncing.tsx';
import { SyncingStatus } from './SyncingStatus.tsx';
import './DevicesSettings.css';

/** The section as it shows a view from main; the host decides how a folder is chosen; `now` tells today apart. */
export function DevicesSection({
  view,
  host,
  now,
}: {
  view: DevicesView;
  host: AppStatus['host'] | undefined;
  now: number;
}) {
  const off = view.sync.transport.kind === 'none' || view.sync.state === 'off';
  return (
    <section className="card devices-settings" aria-labelledby="devices-title">
      <h2 id="devices-title" className="card-title">
        Devices
      </h2>
      <p className="muted devices-intro">
        Your time entries, outcomes and choices can be the same on each of your computers. Each device keeps its own
        copy and works without the others; syncing brings in their changes when it can.
      </p>
      <DeviceNameForm name={view.device.name} />
      <h3 className="devices-subtitle">How this device syncs</h3>
      {off ? (
        <>
          <p className="sync-off">Not syncing: this device works on its own.</p>
          <StartSyncing host={host} />
        </>
      ) : (
        <SyncingStatus sync={view.sync} now={now} />
      )}
      <h3 className="devices-subtitle" id="device-list-title">
        Your devices
      </h3>
      <DeviceList devices={view.devices} now={now} />
    </section>
  );
}

/** Settings → Devices: this device's name, how it syncs, and the devices the shared document knows. */
export function DevicesSettings() {
  const view = useDevices((state) => state.view);
  const host = useApp((state) => state.status?.host);
  // Read again each minute, so a last sync of yesterday says so after midnight.
  const now = useNow(true, 60_000);
  if (!view) return null;
  return <DevicesSection view={view} host={host} now={now} />;
}
