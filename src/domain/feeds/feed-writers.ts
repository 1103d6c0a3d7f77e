/** The writer of each feed. */
import type { FeedId, FeedWriter } from './feed-item.js';
import { googleWriter } from './google-feed.js';
import { heurekaWriter } from './heureka-feed.js';
import { zboziWriter } from './zbozi-feed.js';

export const FEED_WRITERS: Record<FeedId, FeedWriter> = { heureka: heurekaWriter, zbozi: zboziWriter, google: googleWriter };
