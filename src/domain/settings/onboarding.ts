/** "Váš e-shop v sedmi krocích": which of the seven set-up steps are done, computed from the shop's real data. */
import type { Settings } from './settings.js';

export const ONBOARDING_STEPS = ['identity', 'emails', 'shippingPayment', 'categories', 'products', 'content', 'testOrder'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export type OnboardingFacts = { settings: Settings; categories: number; products: number; publishedPages: number; orders: number };
export type OnboardingState = { step: OnboardingStep; done: boolean }[];

export function onboardingState(facts: OnboardingFacts): OnboardingState {
  const { shop, emails, checkout } = facts.settings;
  const sellsByTransfer = checkout.paymentMethods.some((m) => m.kind === 'bank-transfer');
  const done: Record<OnboardingStep, boolean> = {
    identity: !!(shop.name && shop.ico && shop.street && shop.city && shop.zip && shop.email),
    emails: !!(emails.noReplyAddress || emails.ownerAddress),
    shippingPayment: checkout.shippingMethods.length > 0 && checkout.paymentMethods.length > 0 && (!sellsByTransfer || shop.bankAccounts.length > 0),
    categories: facts.categories > 0,
    products: facts.products > 0,
    content: facts.publishedPages > 0,
    testOrder: facts.orders > 0,
  };
  return ONBOARDING_STEPS.map((step) => ({ step, done: done[step] }));
}

/** The first step not yet done, which the home page offers as "what next". */
export const nextStep = (state: OnboardingState): OnboardingStep | null => state.find((s) => !s.done)?.step ?? null;
