import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RegistrationDto } from '@casustafel/shared/contracts';
import { formatDateTime } from '@casustafel/web/shared/i18n';

/**
 * The triage outcome as the registering organisation is told it: the outcome, the advice (and the
 * referral), who decided and when, and a link to the case when one was created.
 */
@Component({
  selector: 'cst-triage-outcome',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (triage(); as t) {
      <section
        class="cst-outcome"
        [attr.aria-labelledby]="idPrefix() + '-outcome'"
        data-testid="triage-outcome"
      >
        <div
          class="utrecht-heading-3"
          role="heading"
          [attr.aria-level]="level()"
          [id]="idPrefix() + '-outcome'"
        >
          {{ 'cases.outcome.heading' | transloco }}
        </div>
        <dl class="cst-meta">
          <dt>{{ 'cases.outcome.outcome' | transloco }}</dt>
          <dd>
            <strong>{{ 'domain.triageOutcomes.' + t.outcome | transloco }}</strong>
          </dd>
          @if (t.referral) {
            <dt>{{ 'cases.outcome.referral' | transloco }}</dt>
            <dd class="cst-multiline">{{ t.referral }}</dd>
          }
          <dt>{{ 'cases.outcome.advice' | transloco }}</dt>
          <dd class="cst-multiline" data-testid="triage-advice">
            {{ t.advice || ('cases.outcome.noAdvice' | transloco) }}
          </dd>
        </dl>
        <p class="utrecht-paragraph cst-note">
          {{ 'cases.outcome.decided' | transloco: { date: when(t.decidedAt), name: t.decidedBy } }}
        </p>
        @if (t.caseId) {
          <p class="utrecht-paragraph">
            <a class="utrecht-link" [routerLink]="['/casussen', t.caseId]">{{
              'cases.outcome.openCase' | transloco
            }}</a>
          </p>
        }
      </section>
    }
  `,
  styleUrl: './cases-page.scss',
  styles: `
    /* No outcome yet: no empty gap in the page's grid. */
    :host(:empty) {
      display: none;
    }
    .cst-outcome {
      background-color: var(--utrecht-color-grey-95);
      border-inline-start: 4px solid var(--utrecht-color-blue-40);
      display: grid;
      gap: 0.75rem;
      padding: 1rem;
    }
    .cst-outcome p {
      margin: 0;
    }
  `,
})
export class TriageOutcome {
  readonly triage = input<RegistrationDto['triage']>(null);
  /** Heading level of "Uitkomst van de triage" in the surrounding page. */
  readonly level = input<2 | 3 | 4>(2);
  /** Makes the heading id unique when several outcomes are on one page. */
  readonly idPrefix = input('registration');

  protected readonly when = formatDateTime;
}
