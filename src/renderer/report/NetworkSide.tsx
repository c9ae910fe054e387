import type { Counts, NetworkReport, NetworkReportRow } from '../../shared/report.ts';
import { networkNames } from '../../shared/networkFacts.ts';
import { signed } from '../format.ts';
import { TableScroll } from '../ui/TableScroll.tsx';
import { HandleText } from '../ui/HandleText.tsx';
import './NetworkSide.css';
import { routeHash } from '../../shared/routes.ts';

const change = (start: Counts | null, end: Counts | null, key: keyof Counts) =>
  start && end ? ` (${signed(end[key] - start[key])})` : '';

function Cells({ row }: { row: Omit<NetworkReportRow, 'accountId' | 'network' | 'handle'> }) {
  const counts = (c: Counts | null, key: keyof Counts) => (c ? c[key] : '—');
  return (
    <>
      <td>
        {counts(row.start, 'followers')} → {counts(row.end, 'followers')}
        {change(row.start, row.end, 'followers')}
      </td>
      <td>
        {counts(row.start, 'following')} → {counts(row.end, 'following')}
        {change(row.start, row.end, 'following')}
      </td>
      <td>{row.gained > 0 ? `+${row.gained}` : 0}</td>
      <td>{row.lost > 0 ? `−${row.lost}` : 0}</td>
      <td>{row.followed}</td>
      <td>{row.unfollowed}</td>
      <td>{row.posts ?? '—'}</td>
    </>
  );
}

/** The follower balance over the same days: counts at start and end, changes, the user's own moves, posts. */
export function NetworkSide({ network, ended }: { network: NetworkReport; ended: boolean }) {
  if (network.accounts.length === 0) {
    return (
      <section className="card" aria-labelledby="report-network">
        <h2 id="report-network" className="card-title">
          Network
        </h2>
        <p className="muted">Add a network account to see followers, following and posts beside your time.</p>
      </section>
    );
  }
  const posts = network.combined.posts;
  const { catchUp } = network;
  return (
    <section className="card" aria-labelledby="report-network">
      <h2 id="report-network" className="card-title">
        Network
        {posts !== null && (
          <span className={`muted${ended && posts < network.postsTarget ? ' warn-text' : ''}`}>
            {' '}
            · {posts} posts of {network.postsTarget} planned
          </span>
        )}
      </h2>
      <TableScroll label="Table of followers, following and posts per account">
        <table className="figures">
          <caption className="visually-hidden">Followers, following and posts per account</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Followers</th>
              <th scope="col">Following</th>
              <th scope="col">Gained</th>
              <th scope="col">Lost</th>
              <th scope="col">You followed</th>
              <th scope="col">You unfollowed</th>
              <th scope="col">Posts</th>
            </tr>
          </thead>
          <tbody>
            {network.accounts.map((row) => (
              <tr key={row.accountId}>
                <th scope="row">
                  <HandleText handle={row.handle} />{' '}
                  <span className="muted network-name">{networkNames[row.network]}</span>
                </th>
                <Cells row={row} />
              </tr>
            ))}
          </tbody>
          {network.accounts.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row">All accounts</th>
                <Cells row={network.combined} />
              </tr>
            </tfoot>
          )}
        </table>
      </TableScroll>
      <p className="muted catch-up-line">
        Catch-up: {catchUp.posts} posts by followers, {catchUp.scanned} scanned · {catchUp.mentions} mentions of you,{' '}
        {catchUp.answered} answered
        {catchUp.waiting > 0 && (
          <>
            , <a href={routeHash({ view: 'catch-up' })}>{catchUp.waiting} still waiting</a>
          </>
        )}
      </p>
    </section>
  );
}
