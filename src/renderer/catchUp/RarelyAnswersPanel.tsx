import { useEffect } from 'react';
import type { AnswerRate } from '../../shared/catchUp.ts';
import { rarelyAnswers, rarelyAnswersMinAsked } from '../../shared/catchUp.ts';
import type { AccountBalance } from '../../shared/types.ts';
import { useCatchUp } from './catchUpStore.ts';
import { useNetwork } from '../balance/networkStore.ts';
import { useNow } from '../useNow.ts';
import { NetworkBadge } from '../ui/NetworkBadge.tsx';
import { PersonHandle, PersonName } from '../balance/PersonHandle.tsx';
import { answerLine, moment } from './catchUpWords.ts';
import './RarelyAnswersPanel.css';

function RateRow({ rate, balances, now }: { rate: AnswerRate; balances: AccountBalance[]; now: number }) {
  const network = balances.find((b) => b.account.id === rate.accountId)?.account.network;
  return (
    <li className="answer-row">
      <span className="person-handle">
        {network && <NetworkBadge network={network} />} <PersonHandle person={rate.person} network={network} />
      </span>
      <span className="person-name">
        <PersonName name={rate.person.displayName} />
      </span>
      <span className={rarelyAnswers(rate) ? 'warn-text' : 'muted'}>{answerLine(rate)}</span>
      <span className="muted">last asked {moment(rate.lastAskedAt, now)}</span>
    </li>
  );
}

/** Beside who does not follow back: who rarely answers the user's mentions, from the catch-ups' reading. */
export function RarelyAnswersPanel({ balances }: { balances: AccountBalance[] }) {
  const scope = useNetwork((state) => state.scope);
  const rates = useCatchUp((state) => state.briefing?.answerRates);
  const watch = useCatchUp((state) => state.api.watch);
  const now = useNow(true, 60_000);
  useEffect(() => watch(), [watch]);
  if (!rates) return null;

  const inScope = rates.filter((rate) => scope === null || rate.accountId === scope);
  const rarely = inScope.filter(rarelyAnswers);
  return (
    <div className="answers-panel">
      <p className="muted">
        From your last 50 posts per account that mention someone: who answered a third of them or fewer, of at least{' '}
        {rarelyAnswersMinAsked}. Twoway reads them at each catch-up.
      </p>
      {rarely.length === 0 ? (
        <p className="list-message">
          {inScope.length === 0
            ? 'No mentions of yours read yet: catch up once to see who answers.'
            : 'Everyone you mention answers now and then.'}
        </p>
      ) : (
        <ul className="answer-list" aria-label="Rarely answers">
          {rarely.map((rate) => (
            <RateRow key={`${rate.accountId}\n${rate.person.id}`} rate={rate} balances={balances} now={now} />
          ))}
        </ul>
      )}
      {inScope.length > rarely.length && (
        <details className="answer-everyone">
          <summary>Everyone you mentioned ({inScope.length})</summary>
          <ul className="answer-list" aria-label="Everyone you mentioned">
            {inScope.map((rate) => (
              <RateRow key={`${rate.accountId}\n${rate.person.id}`} rate={rate} balances={balances} now={now} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
