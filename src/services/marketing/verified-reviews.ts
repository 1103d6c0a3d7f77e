/**
 * Heureka "Ověřeno zákazníky" (shop certification): with an API key in Configuration, every new order — unless the
 * customer declined at checkout — is reported to Heureka, which then sends the customer its satisfaction questionnaire.
 * The report is queued in the order's transaction and posted by the worker (api.heureka.cz/shop-certification/v2).
 */
import { feedItemId } from '../../domain/feeds/feed-item.js';
import type { Settings } from '../../domain/settings/settings.js';
import type { Tx } from '../ports.js';
import type { CallOutboxRepo } from './ports.js';

export const HEUREKA_VERIFIED_URL = 'https://api.heureka.cz/shop-certification/v2/order/log';

export type VerifiedReviewDeps = { calls: CallOutboxRepo; heurekaVerifiedUrl: string };

export async function queueVerifiedReview(
  deps: VerifiedReviewDeps,
  tx: Tx,
  input: { order: { id: number; number: string; email: string }; itemIds: number[]; settings: Settings; at: Date },
): Promise<void> {
  const apiKey = input.settings.marketing.heurekaVerifiedKey;
  if (!apiKey) return;
  // The items as the product feed names them (ITEM_ID), so Heureka pairs the reviews with the offers.
  const body = { apiKey, email: input.order.email, orderId: input.order.number, productItemIds: [...new Set(input.itemIds)].map(feedItemId) };
  await deps.calls.enqueue(tx, { kind: 'heureka_verified', orderId: input.order.id, url: deps.heurekaVerifiedUrl, body, createdAt: input.at });
}
