import { useEffect, useState } from 'react';
import type { Mention, MentionState, PersonPosts } from '../../shared/catchUp.ts';
import type { CatchUpTab } from '../../shared/routes.ts';
import type { Network } from '../../shared/types.ts';
import { CatchUpStatus } from './CatchUpStatus.tsx';
import { MentionsPanel } from './MentionsPanel.tsx';
import { PersonGroup } from './PersonGroup.tsx';
import { ScanningOffer } from './ScanningOffer.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Tabs } from '../ui/Tabs.tsx';
import { useCatchUp } from './catchUpStore.ts';
import { go } from '../route.ts';
import { useNow } from '../useNow.ts';
import './CatchUp.css';

function PostsPanel({
  people,
  networkOf,
  showNetwork,
  now,
}: {
  people: PersonPosts[];
  networkOf(accountId: string): Network;
  showNetwork: boolean;
  now: number;
}) {
  const unread = useCatchUp((state) => state.summary?.unread ?? 0);
  const withScanned = useCatchUp((state) => state.withScanned);
  const api = useCatchUp((state) => state.api);
  const [error, setError] = useState('');
  const attempt = (action: Promise<void>) => {
    setError('');
    void action.catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  };

  return (
    <div className="catch-up-posts-panel">
      <div className="toolbar">
        <button
          type="button"
          className="button"
          disabled={unread === 0}
          onClick={() => attempt(api.markScanned({ everything: true }))}
        >
          Mark scanned (all {unread.toLocaleString()} unread)
        </button>
        <label className="inline">
          <input
            type="checkbox"
            checked={withScanned}
            onChange={(event) => attempt(api.showScanned(event.target.checked))}
          />
          Show scanned posts
        </label>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {people.length === 0 ? (
        <p className="list-message muted">
          {withScanned
            ? 'No posts from your followers in the briefing yet.'
            : 'You are all caught up: every post from your followers is scanned.'}
        </p>
      ) : (
        people.map((group) => (
          <PersonGroup
            key={`${group.accountId}\n${group.person.id}`}
            group={group}
            network={networkOf(group.accountId)}
            showNetwork={showNetwork}
            now={now}
            onScanned={(target, scanned) =>
              attempt(api.markScanned({ accountId: group.accountId, ...target }, scanned))
            }
          />
        ))
      )}
    </div>
  );
}

/** The briefing for coming back online: followers' posts since the last visit, and who waits for an answer. */
export function CatchUp({ tab }: { tab: CatchUpTab }) {
  const briefing = useCatchUp((state) => state.briefing);
  const summary = useCatchUp((state) => state.summary);
  const api = useCatchUp((state) => state.api);
  // The tab is in the address, so the nudge, the tray and back/forward can name it.
  const showTab = (next: CatchUpTab) => go({ view: 'catch-up', tab: next });
  const [error, setError] = useState('');
  const now = useNow(true, 60_000);
  useEffect(() => api.watch({ readStale: true }), [api]);

  if (!briefing || !summary) return null;
  if (summary.accounts.length === 0) {
    return (
      <EmptyState title="Nothing to catch up on yet">
        <p>
          Add your Bluesky or Mastodon account on the Network page. Each time you come back online, Twoway gathers your
          followers’ posts since your last visit and the mentions still waiting for your answer.
        </p>
      </EmptyState>
    );
  }

  const networks = new Map(summary.accounts.map((a) => [a.accountId, a.network]));
  const networkOf = (accountId: string): Network => networks.get(accountId) ?? 'bluesky';
  const showNetwork = summary.accounts.length > 1;
  const onMark = (mention: Mention, state: MentionState) => {
    setError('');
    void api
      .markMention(mention.accountId, mention.id, state)
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  };
  const tabs: { id: CatchUpTab; label: string }[] = [
    { id: 'posts', label: `From your followers · ${summary.unread.toLocaleString()} unread` },
    { id: 'mentions', label: `Waiting for your answer · ${summary.waiting.toLocaleString()}` },
  ];

  return (
    <div className="catch-up">
      <ScanningOffer />
      <CatchUpStatus summary={summary} now={now} />
      <Tabs<CatchUpTab> label="Briefing" tabs={tabs} selected={tab} onSelect={showTab}>
        {tab === 'posts' ? (
          <PostsPanel people={briefing.people} networkOf={networkOf} showNetwork={showNetwork} now={now} />
        ) : (
          <MentionsPanel
            mentions={briefing.mentions}
            networkOf={networkOf}
            showNetwork={showNetwork}
            now={now}
            onMark={onMark}
          />
        )}
      </Tabs>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
