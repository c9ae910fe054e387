// What the catch-up has seen pass between the user and one person: their mentions of the user (and which the
// user answered), the user's posts that mention them (and which they answered).
import type { Interactions } from '../../../shared/personDetails.ts';
import type { AccountCatchUp } from '../catchUp/read.ts';

/** Built once per list from an account's briefing; then one lookup per person. */
export function interactionIndex(kept: Pick<AccountCatchUp, 'mentions' | 'asked' | 'answers'>) {
  const byPerson = new Map<string, Interactions>();
  const entry = (id: string) => {
    let found = byPerson.get(id);
    if (!found) {
      found = { theyMentioned: 0, youAnswered: 0, youMentioned: 0, theyAnswered: 0, lastAt: null };
      byPerson.set(id, found);
    }
    return found;
  };
  const seen = (found: Interactions, at: number) => {
    found.lastAt = Math.max(found.lastAt ?? at, at);
  };
  for (const mention of kept.mentions) {
    const found = entry(mention.author.id);
    found.theyMentioned++;
    if (mention.state === 'answered') found.youAnswered++;
    seen(found, mention.answeredAt ?? mention.createdAt);
  }
  const answered = new Set(kept.answers.map((a) => `${a.postId}\n${a.personId}`));
  const answerAt = new Map(kept.answers.map((a) => [`${a.postId}\n${a.personId}`, a.at]));
  for (const post of kept.asked) {
    for (const person of new Map(post.mentioned.map((p) => [p.id, p])).values()) {
      const found = entry(person.id);
      found.youMentioned++;
      seen(found, post.at);
      const key = `${post.postId}\n${person.id}`;
      if (answered.has(key)) {
        found.theyAnswered++;
        seen(found, answerAt.get(key)!);
      }
    }
  }
  return (personId: string): Interactions | null => byPerson.get(personId) ?? null;
}
