/** Where generated feeds are kept: files every app server reads, one per feed and catalogue state. */
import type { Readable } from 'node:stream';

export interface FeedStore {
  /** The kept feed for this state of the catalogue, or null when there is none yet. */
  open(name: string, validator: string): Promise<{ stream: Readable; size: number } | null>;
  /** Writes the text as it comes (never whole in memory) and keeps it under this state; older states are dropped. */
  write(name: string, validator: string, chunks: AsyncIterable<string>): Promise<void>;
}
