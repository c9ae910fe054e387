// Which outcome belongs to whom. An outcome's person is free text ("@kim.bsky.social", "Kim Growth
// (kim.bsky.social)"); it names someone when it holds their handle as a word, or is exactly their display name.
// A network outcome names only someone on that network; an offline or elsewhere one anyone.
import type { Person } from '../../../shared/people.ts';
import type { Outcome, OutcomeType } from '../../../shared/outcomes.ts';
import { protectingOutcomes, type LinkedOutcome } from '../../../shared/personDetails.ts';
import type { Network } from '../../../shared/types.ts';

/** Outcomes that make someone worth keeping whatever the follow-back says. */
export const protectingTypes: ReadonlySet<OutcomeType> = new Set(protectingOutcomes);

/** The order outcomes tell about a person: a client says most. */
const weight: Record<OutcomeType, number> = {
  client: 6,
  lead: 5,
  meeting: 4,
  conversation: 3,
  connection: 2,
  media: 1,
};

// Printable ASCII (most handles and names) is its own NFKC form and holds no format or control character.
const plain = /^[\x20-\x7e]*$/;
const fold = (text: string) =>
  (plain.test(text) ? text : text.normalize('NFKC').replace(/[\p{Cf}\p{Cc}]/gu, '')).toLowerCase().trim();

/** A handle as the word an outcome holds it as: without its @ ('kim.bsky.social', 'kim@mastodon.social'). */
const handleKey = (handle: string) => fold(handle).replace(/^@/, '');

/** The words of an outcome's person text that could be handles: runs of handle characters, @ stripped. */
function handleWords(text: string): Set<string> {
  const words = fold(text).match(/[\p{L}\p{N}_.@:-]+/gu) ?? [];
  return new Set(words.map((word) => word.replace(/^@+/, '').replace(/[.:-]+$/, '')).filter(Boolean));
}

const channelFits = (outcome: Outcome, network: Network | undefined) =>
  outcome.channel === 'offline' || outcome.channel === 'online-other' || network === undefined
    ? true
    : outcome.channel === network;

/**
 * Finds people's outcomes fast: built once per list from all outcomes. Only the outcomes' texts are indexed;
 * with none that can name anyone, no person's handle or name is read at all.
 */
export function outcomeIndex(outcomes: readonly Outcome[], network: Network | undefined) {
  const byWord = new Map<string, Outcome[]>();
  const byName = new Map<string, Outcome[]>();
  for (const outcome of outcomes) {
    if (!outcome.person.trim() || !channelFits(outcome, network)) continue;
    for (const word of handleWords(outcome.person)) byWord.set(word, [...(byWord.get(word) ?? []), outcome]);
    const name = fold(outcome.person);
    byName.set(name, [...(byName.get(name) ?? []), outcome]);
  }
  if (byName.size === 0) return (): LinkedOutcome | null => null;
  /** The outcome that tells most about this person: the weightiest type, then the newest day. */
  return (person: Person): LinkedOutcome | null => {
    const found = new Set<Outcome>();
    const key = handleKey(person.handle);
    if (key) for (const o of byWord.get(key) ?? []) found.add(o);
    const name = fold(person.displayName);
    if (name) for (const o of byName.get(name) ?? []) found.add(o);
    let best: Outcome | null = null;
    for (const o of found) {
      if (!best || weight[o.type] > weight[best.type] || (weight[o.type] === weight[best.type] && o.date > best.date))
        best = o;
    }
    return best && { id: best.id, type: best.type, date: best.date };
  };
}

/** Protected from unfollowing: an outcome that counts links them, and the user has not lifted it. */
export const isProtected = (outcome: LinkedOutcome | null, lifted: boolean) =>
  outcome !== null && protectingTypes.has(outcome.type) && !lifted;

/** Whom "Select all due" and the unfollow queue propose: due, and neither kept nor protected. */
export const proposable = (row: { due: boolean; kept: boolean; protected?: boolean }) =>
  row.due && !row.kept && !row.protected;
