import { useState } from 'react';
import { outcomeChannelLabels } from '../../shared/outcomes.ts';
import type { Report } from '../../shared/report.ts';
import { duration, moneyList } from '../format.ts';
import { TableScroll } from '../ui/TableScroll.tsx';
import { BusinessChart } from './BusinessChart.tsx';
import { outcomesPerHour, valuePerHour } from './businessText.ts';
import { routeHash } from '../../shared/routes.ts';

/** What networking produced in the period, by channel, and per hour of online and of offline time. */
export function OutcomesSide({ report }: { report: Report }) {
  const { outcomes, business } = report;
  const [tableShown, setTableShown] = useState(false);
  const table = (
    <table className="figures">
      <caption className="visually-hidden">Outcomes and value per hour, online and offline</caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">Time</th>
          <th scope="col">Outcomes</th>
          <th scope="col">Per hour</th>
          <th scope="col">Value per hour</th>
        </tr>
      </thead>
      <tbody>
        {(['online', 'offline'] as const).map((name) => (
          <tr key={name}>
            <th scope="row">{name === 'online' ? 'Online' : 'Offline'}</th>
            <td>{duration(business[name].ms)}</td>
            <td>{business[name].outcomes}</td>
            <td>{outcomesPerHour(business[name])}</td>
            <td>{valuePerHour(business[name], name)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div className="grid two">
      <section className="card" aria-labelledby="report-outcomes">
        <h2 id="report-outcomes" className="card-title">
          Outcomes <span className="muted">· {outcomes.total}</span>
        </h2>
        {outcomes.total === 0 ? (
          <p className="muted">
            No outcomes logged in this period.{' '}
            <a href={routeHash({ view: 'outcomes' })}>Log what networking produced</a>: a conversation, a meeting, a
            lead, a client.
          </p>
        ) : (
          <TableScroll label="Table of outcomes by channel">
            <table className="figures">
              <caption className="visually-hidden">Outcomes by channel</caption>
              <thead>
                <tr>
                  <th scope="col">Channel</th>
                  <th scope="col">Outcomes</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {outcomes.byChannel.map((c) => (
                  <tr key={c.channel}>
                    <th scope="row">{outcomeChannelLabels[c.channel]}</th>
                    <td>{c.count}</td>
                    <td>{moneyList(c.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section className="card" aria-labelledby="report-business">
        <div className="chart-head">
          <h2 id="report-business" className="card-title">
            What brings business
          </h2>
          <button
            type="button"
            className="button small"
            aria-pressed={tableShown}
            onClick={() => setTableShown(!tableShown)}
          >
            {tableShown ? 'Show as chart' : 'Show as table'}
          </button>
        </div>
        {!tableShown && <BusinessChart business={business} />}
        {/* Hidden, the table still reads to screen readers; shown, it scrolls inside the card when narrow. */}
        {tableShown ? (
          <TableScroll label="What brings business, as a table">{table}</TableScroll>
        ) : (
          <div className="visually-hidden">{table}</div>
        )}
      </section>
    </div>
  );
}
