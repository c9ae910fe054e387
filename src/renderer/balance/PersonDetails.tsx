import { useEffect, useId, useState, type ReactNode } from 'react';
import { DAY } from '../../shared/calendar.ts';
import type { Person } from '../../shared/people.ts';
import { protectingOutcomes, type PersonFacts } from '../../shared/personDetails.ts';
import { shownName } from '../../shared/shownNames.ts';
import type { Network } from '../../shared/types.ts';
import { isUnnamed } from '../../shared/xPeople.ts';
import { call } from '../api.ts';
import { useNow } from '../useNow.ts';
import { NetworkBadge } from '../ui/NetworkBadge.tsx';
import { PersonHandle, PersonName } from './PersonHandle.tsx';
import { countsWords, interactionWords, lastPostWords, outcomeLine } from './personWords.ts';
import { XProfileLink } from '../networks/x/XProfileLink.tsx';
import './PersonDetails.css';

/** A row asks main only once it has stayed in view this long: a fast scroll past asks nothing. */
const settleMs = 250;
/** Pictures already shown, so scrolling back does not ask again. */
const pictures = new Map<string, string | null>();
const picturesKept = 400;
const shownPicture = /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[a-z0-9+/=]+$/i;

function usePicture(accountId: string, personId: string, hasAvatar: boolean): string | null {
  const key = `${accountId}\n${personId}`;
  const [loaded, setLoaded] = useState<{ key: string; url: string | null } | null>(null);
  const known = pictures.has(key);
  useEffect(() => {
    if (!hasAvatar || known) return;
    let current = true;
    const timer = setTimeout(() => {
      call('getAvatar', { accountId, personId })
        .then((url) => {
          const shown = url !== null && shownPicture.test(url) ? url : null;
          if (pictures.size >= picturesKept) pictures.delete(pictures.keys().next().value!);
          pictures.set(key, shown);
          if (current) setLoaded({ key, url: shown });
        })
        .catch(() => {});
    }, settleMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [accountId, personId, key, hasAvatar, known]);
  if (!hasAvatar) return null;
  return pictures.get(key) ?? (loaded?.key === key ? loaded.url : null);
}

/** The row's facts, with the profile read again by main when it is a day old (main decides; this asks). */
function useFacts(accountId: string, personId: string, known: PersonFacts, now: number, ask: boolean): PersonFacts {
  const [read, setRead] = useState<PersonFacts | null>(null);
  const fresh = !ask || (known.detailsAt !== null && now - known.detailsAt < DAY);
  useEffect(() => {
    if (fresh) return;
    let current = true;
    const timer = setTimeout(() => {
      call('getPersonDetails', { accountId, personId })
        .then((facts) => current && setRead(facts))
        .catch(() => {});
    }, settleMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [accountId, personId, fresh]);
  // The list's own facts stay for what the user changes (kept, protected); the profile comes from the newest read.
  if (!read || (read.detailsAt ?? 0) <= (known.detailsAt ?? 0)) return known;
  const { bio, followersCount, followingCount, lastPostAt, hasAvatar, detailsAt } = read;
  return { ...known, bio, followersCount, followingCount, lastPostAt, hasAvatar, detailsAt };
}

function Avatar({ picture, person }: { picture: string | null; person: Person }) {
  if (picture) return <img className="person-avatar" src={picture} alt="" width={40} height={40} />;
  const initial = [...shownName(person.displayName || person.handle.replace(/^@/, ''))][0]?.toUpperCase() ?? '?';
  return (
    // Drawn by CSS from the attribute: the letter is no part of the row's text.
    <span className="person-avatar placeholder" aria-hidden="true" data-initial={initial} />
  );
}

/** A small picture beside a name where the row has no room for more (the queue). */
export function PersonPicture({ accountId, person }: { accountId: string; person: Person }) {
  const picture = usePicture(accountId, person.id, true);
  return (
    <span className="person-picture-small">
      <Avatar picture={picture} person={person} />
    </span>
  );
}

/** The outcome and the keep-list's reason, where there are; a lifted protection says so. */
function relationLine(facts: PersonFacts, now: number): { text: string; kind: string } | null {
  if (facts.outcome) {
    const lifted = !facts.protected && protectingOutcomes.includes(facts.outcome.type);
    const line = outcomeLine(facts.outcome, facts.protected, now);
    return { text: lifted ? `${line} · protection lifted` : line, kind: facts.protected ? 'protected' : 'outcome' };
  }
  return null;
}

/**
 * One person as every people list shows them: picture, handle (the checkbox's label where they can be picked),
 * name, the bio's first line, their counts and last post, what passed between you, and the outcome logged with
 * them. `aside` holds the list's own state and buttons.
 */
export function PersonRow({
  row,
  network,
  accountNetwork,
  pick,
  aside,
  actions,
  noProfile,
}: {
  /** The person on one of the user's accounts, with what the list knows of them. */
  row: PersonFacts & { accountId: string; person: Person };
  /** Shown when the view mixes accounts. */
  network?: Network | undefined;
  /** The account's network, shown or not: what can be known of the person depends on it. */
  accountNetwork: Network | undefined;
  pick?: { checked: boolean; disabled?: boolean; onChange(checked: boolean): void };
  aside?: ReactNode;
  /** Buttons beside the outcome line (lift a protection, unfollow anyway, say why kept). */
  actions?: ReactNode;
  /** Why there is no profile to read (an account that is gone): then none is asked for. */
  noProfile?: string | undefined;
}) {
  const { accountId, person } = row;
  const id = useId();
  const now = useNow(true, 60_000);
  const facts = useFacts(accountId, person.id, row, now, noProfile === undefined);
  const picture = usePicture(accountId, person.id, facts.hasAvatar);
  const lastPost = lastPostWords(facts.lastPostAt, facts.detailsAt, now);
  const counts = countsWords(facts.followersCount, facts.followingCount);
  const exchanged = interactionWords(facts.interactions);
  const relation = relationLine(facts, now);
  // Most telling first: why they are protected, why kept, then what passed between you.
  const said = [
    ...(relation ? [{ text: relation.text, kind: `relation-${relation.kind}` }] : []),
    ...(facts.keepReason ? [{ text: `Kept: ${facts.keepReason}`, kind: 'keep-reason' }] : []),
    ...exchanged.map((text) => ({ text, kind: 'exchanged' })),
  ];
  const handle = <PersonHandle person={person} network={network} />;
  return (
    <div className={`person-row rich${facts.protected ? ' is-protected' : ''}`}>
      {pick ? (
        <input
          id={id}
          type="checkbox"
          className="person-check"
          checked={pick.checked}
          disabled={pick.disabled}
          onChange={(event) => pick.onChange(event.target.checked)}
        />
      ) : (
        <span className="person-check" />
      )}
      <Avatar picture={picture} person={person} />
      <div className="person-main">
        <div className="person-top">
          {pick ? (
            <label htmlFor={id} className="person-pick">
              {handle}
            </label>
          ) : (
            <span className="person-pick">{handle}</span>
          )}
          <span className="person-name">
            {network && <NetworkBadge network={network} />}{' '}
            {isUnnamed(person) ? <XProfileLink person={person} /> : <PersonName name={person.displayName} />}
          </span>
        </div>
        {facts.bio && (
          <p className="person-bio">
            <bdi>{facts.bio}</bdi>
          </p>
        )}
        <p className="person-facts">
          {counts && <span>{counts}</span>}
          {lastPost && <span className={lastPost.inactive ? 'inactive-badge' : undefined}>{lastPost.text}</span>}
          {!counts && !lastPost && (
            <span>
              {noProfile ??
                (accountNetwork === 'x' ? 'X shares no profile details with Twoway' : 'Profile not read yet')}
            </span>
          )}
        </p>
        {(relation || facts.keepReason || exchanged.length > 0 || actions) && (
          <div className="person-relation">
            {said.length > 0 && (
              <span className="relation-words" title={said.map((part) => part.text).join(' · ')}>
                {said.map((part) => (
                  <span key={part.text} className={part.kind}>
                    {part.kind === 'keep-reason' ? (
                      <>
                        Kept: <bdi>{part.text.slice('Kept: '.length)}</bdi>
                      </>
                    ) : (
                      part.text
                    )}
                  </span>
                ))}
              </span>
            )}
            {actions}
          </div>
        )}
      </div>
      {aside && <div className="person-aside">{aside}</div>}
    </div>
  );
}

/** The height of a person's row in the people lists. */
export const personRowHeight = 92;
