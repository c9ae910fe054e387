import { ratio, type Figures } from './balanceFigures.ts';
import { networkNames } from '../../shared/networkFacts.ts';
import type { Network } from '../../shared/types.ts';
import { signed } from '../format.ts';
import { HandleText } from '../ui/HandleText.tsx';
import './BalanceCard.css';

export function BalanceCard({ title, network, figures }: { title: string; network?: Network; figures: Figures }) {
  return (
    <article className="card balance" aria-label={`${title} balance`}>
      <header className="balance-head">
        {network && <span className={`network-badge ${network}`}>{networkNames[network]}</span>}
        <h3 className="card-title">
          <HandleText handle={title} />
        </h3>
      </header>
      <div className="balance-main">
        <div>
          <span className="figure">{figures.followers}</span>
          <span className="figure-label">followers</span>
        </div>
        <span className="versus">vs</span>
        <div>
          <span className="figure">{figures.following}</span>
          <span className="figure-label">following</span>
        </div>
      </div>
      <dl className="balance-facts">
        <div>
          <dt>Difference</dt>
          <dd className={figures.difference < 0 ? 'warn' : 'good'}>{signed(figures.difference)}</dd>
        </div>
        <div>
          <dt>Ratio</dt>
          <dd>{ratio(figures)}</dd>
        </div>
        <div>
          <dt>Mutuals</dt>
          <dd>{figures.mutuals}</dd>
        </div>
        <div>
          <dt title="Followers gained and lost over the last 7 days">Gained / lost</dt>
          <dd
            title={`Net this week: ${signed(figures.followersThisWeek)} followers, ${signed(figures.followingThisWeek)} following`}
          >
            +{figures.gained} / −{figures.lost}
          </dd>
        </div>
      </dl>
    </article>
  );
}
