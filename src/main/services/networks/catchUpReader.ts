// What a catch-up needs of a network: its feeds, one page per call, in the shape core/catchUp/feed.ts reads.
import type { FeedPost, Notice } from '../../core/catchUp/feed.ts';
import type { Page } from './page.ts';

export interface CatchUpReader {
  /** The user's own id on the network. */
  me: string;
  /**
   * Whether the home timeline and notifications can be read: they need the app password or access token.
   * Without, only the feeds anyone can read are.
   */
  signedIn: boolean;
  /** The home timeline, newest first. */
  timelinePage(cursor: string | null): Promise<Page<FeedPost>>;
  /** Mentions, replies and quotes of the user, newest first. */
  noticesPage(cursor: string | null): Promise<Page<Notice>>;
  /** The user's own posts and replies, newest first. */
  ownPostsPage(cursor: string | null): Promise<Page<FeedPost>>;
  /** One person's recent posts and replies, newest first: one request. */
  recentPosts(personId: string): Promise<FeedPost[]>;
  /** Requests made so far. */
  requests(): number;
}
