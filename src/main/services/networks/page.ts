// One page of a list a network reads in pages: the sync's lists and the catch-up's feeds alike.
export interface Page<T> {
  items: T[];
  /** null on the last page. */
  cursor: string | null;
  /** Entries the network sent that could not be read, left out of `items`. */
  unreadable?: number;
}
