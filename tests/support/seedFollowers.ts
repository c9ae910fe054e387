// The people around the user on a local Mastodon or X server: followers, some followed back, and people the user
// follows who do not follow back.

interface LocalNetwork<A extends { id: string }> {
  addAccount(input: { username: string }): A;
  follow(from: string, to: string): void;
}

/**
 * `followers` people (fan0…) follow `me`; `me` follows the first `followedBack` of them back, and `quiet` people
 * (quiet0…) who do not follow back.
 */
export function seedFollowers<A extends { id: string }>(
  state: LocalNetwork<A>,
  me: { id: string },
  { followers, followedBack, quiet: quietCount = 0 }: { followers: number; followedBack: number; quiet?: number },
) {
  const fans = Array.from({ length: followers }, (_, i) => state.addAccount({ username: `fan${i}` }));
  fans.forEach((fan) => state.follow(fan.id, me.id));
  const quiet = Array.from({ length: quietCount }, (_, i) => state.addAccount({ username: `quiet${i}` }));
  [...fans.slice(0, followedBack), ...quiet].forEach((other) => state.follow(me.id, other.id));
  return { fans, quiet };
}
