import type { DeviceTime } from '../../shared/report.ts';
import { duration } from '../format.ts';
import { deviceRows } from './deviceRows.ts';

/** Which device timed the period's minutes; shown only once more than one did. */
export function DeviceBreakdown({
  byDevice,
  names,
}: {
  byDevice: readonly DeviceTime[];
  names: Readonly<Record<string, string>>;
}) {
  const rows = deviceRows(byDevice, names);
  if (rows.length === 0) return null;
  const sum = (pick: (row: DeviceTime) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return (
    <section className="card" aria-labelledby="device-breakdown-title">
      <h2 id="device-breakdown-title" className="card-title">
        By device
      </h2>
      <table className="figures">
        <caption className="visually-hidden">
          Online and offline time by device, minutes timed on two counted once
        </caption>
        <thead>
          <tr>
            <th scope="col">Device</th>
            <th scope="col">Online</th>
            <th scope="col">Offline</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.device}>
              <th scope="row">{row.name}</th>
              <td>{duration(row.onlineMs)}</td>
              <td>{duration(row.offlineMs)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All devices</th>
            <td>{duration(sum((row) => row.onlineMs))}</td>
            <td>{duration(sum((row) => row.offlineMs))}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
