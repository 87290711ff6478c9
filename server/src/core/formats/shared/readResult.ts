import type { NewItem } from '../../convert/types';

/** What every reader returns: the items in order, and what the user should know (one sentence each). */
export interface ReadResult {
  items: NewItem[];
  warnings: string[];
}
