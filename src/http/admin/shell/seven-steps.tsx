/** "Váš e-shop v sedmi krocích": the seven set-up steps with what is done and what comes next, each linking to its panel. */
import type { AdminRole } from '../../../domain/admin/roles.js';
import { nextStep, type OnboardingState, type OnboardingStep } from '../../../domain/settings/onboarding.js';
import type { PageContext } from '../../views/page-context.js';

const STEP_LINKS: Record<OnboardingStep, { href: string; ownerOnly: boolean }> = {
  identity: { href: '/admin/konfigurace', ownerOnly: true },
  emails: { href: '/admin/konfigurace/emaily', ownerOnly: true },
  shippingPayment: { href: '/admin/konfigurace/objednavky', ownerOnly: true },
  categories: { href: '/admin/kategorie', ownerOnly: false },
  products: { href: '/admin/zbozi', ownerOnly: false },
  content: { href: '/admin/obsah', ownerOnly: false },
  testOrder: { href: '/', ownerOnly: false },
};

export function SevenSteps({ ctx, steps, role }: { ctx: PageContext; steps: OnboardingState; role: AdminRole }) {
  const { t } = ctx;
  const next = nextStep(steps);
  const done = steps.filter((s) => s.done).length;
  return (
    <section aria-labelledby="steps-progress">
      <p class="lead" id="steps-progress">
        {next ? t('home.progress', { done }) : t('home.allDone')}
      </p>
      <progress class="steps-progress" max={7} value={done} aria-labelledby="steps-progress" />
      <ol class="seven-steps">
        {steps.map(({ step, done: isDone }) => {
          const link = STEP_LINKS[step];
          const canOpen = !link.ownerOnly || role === 'owner';
          const title = t(`home.step.${step}`);
          return (
            <li key={step} class={`step ${isDone ? 'step-done' : ''} ${step === next ? 'step-next' : ''}`}>
              <span class="step-state">{isDone ? t('home.done') : step === next ? t('home.next') : t('home.todo')}</span>
              <h2>{canOpen ? <a href={link.href}>{title}</a> : title}</h2>
              <p>{t(`home.step.${step}.lead`)}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
