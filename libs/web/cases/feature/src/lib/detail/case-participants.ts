import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import type { TableOrganisation } from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { FormField, Textbox } from '@casustafel/web/shared/ui';
import { finalize } from 'rxjs';
import { CaseDetailStore } from './case-detail-store';
import { feedback, reportFailure } from './detail-feedback';
import { DetailNotice } from './detail-notice';
import { formatDate } from './detail-util';

const FIELD_IDS = { organisationId: 'participant-organisation' };

/**
 * The organisations taking part, as member of the table or guest for this case. Those who manage
 * the case add partners from the table's covenant list: signatories take part as members, guests
 * as guests; an organisation that declined the covenant can only receive extracts.
 */
@Component({
  selector: 'cst-case-participants',
  imports: [ReactiveFormsModule, TranslocoPipe, FormField, Textbox, DetailNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './detail.scss',
  template: `
    @if (store.detail(); as d) {
      <section class="cst-section" aria-labelledby="participants-heading">
        <h2 class="utrecht-heading-2 cst-section__heading" id="participants-heading" tabindex="-1">
          {{ 'caseDetail.participants.heading' | transloco }}
        </h2>
        <ul class="cst-list" data-testid="participants">
          @for (p of d.participants; track p.organisation.id) {
            <li class="cst-participant">
              <span class="cst-participant__name">{{ p.organisation.name }}</span>
              <span class="cst-badge" [class.cst-badge--info]="p.basis === 'GUEST'">{{
                'domain.participationBases.' + p.basis | transloco
              }}</span>
              <span class="cst-meta">{{
                'caseDetail.participants.since' | transloco: { date: formatDate(p.since) }
              }}</span>
            </li>
          }
        </ul>
        <cst-detail-notice [notice]="fb.notice()" (reload)="reload()" />
        @if (d.can.manageParticipants) {
          @if (!adding()) {
            <div class="cst-actions">
              <button
                type="button"
                id="participant-add"
                class="utrecht-button utrecht-button--secondary-action"
                (click)="open()"
              >
                {{ 'caseDetail.participants.add' | transloco }}
              </button>
            </div>
          } @else {
            <div class="cst-panel">
              <h3 id="participant-form-heading" class="utrecht-heading-3 cst-panel__heading" tabindex="-1">
                {{ 'caseDetail.participants.add' | transloco }}
              </h3>
              @if (store.organisationsFailed()) {
                <p class="utrecht-paragraph">{{ 'caseDetail.errors.organisationsFailed' | transloco }}</p>
              }
              <form
                class="utrecht-form cst-form"
                [formGroup]="form"
                (ngSubmit)="submit()"
                novalidate
                data-testid="participant-form"
              >
                <cst-form-field
                  fieldId="participant-organisation"
                  [label]="'caseDetail.participants.organisation' | transloco"
                  [hint]="'caseDetail.participants.organisationHint' | transloco"
                  [error]="errorKey() ? (errorKey()! | transloco) : null"
                  [errorPrefix]="'caseDetail.errorPrefix' | transloco"
                >
                  <select
                    cstTextbox
                    class="utrecht-select utrecht-select--html-select cst-textbox"
                    aria-required="true"
                    formControlName="organisationId"
                  >
                    <option value="">{{ 'caseDetail.common.chooseOrganisation' | transloco }}</option>
                    @for (o of candidates(); track o.id) {
                      <option [value]="o.id">
                        {{
                          (o.membership === 'GUEST'
                            ? 'caseDetail.participants.asGuest'
                            : 'caseDetail.participants.asMember'
                          ) | transloco: { name: o.name }
                        }}
                      </option>
                    }
                    @for (o of declined(); track o.id) {
                      <option [value]="o.id" disabled>
                        {{ 'caseDetail.participants.declined' | transloco: { name: o.name } }}
                      </option>
                    }
                  </select>
                </cst-form-field>
                @if (declined().length > 0) {
                  <p class="utrecht-paragraph cst-meta">
                    {{ 'caseDetail.participants.declinedExplained' | transloco }}
                  </p>
                }
                <div class="cst-actions">
                  <button
                    type="submit"
                    class="utrecht-button utrecht-button--primary-action"
                    [attr.aria-disabled]="busy() ? 'true' : null"
                  >
                    {{ 'caseDetail.participants.submit' | transloco }}
                  </button>
                  <button
                    type="button"
                    class="utrecht-button utrecht-button--secondary-action"
                    (click)="cancel()"
                  >
                    {{ 'caseDetail.common.cancel' | transloco }}
                  </button>
                </div>
              </form>
            </div>
          }
        }
      </section>
    }
  `,
  styles: `
    .cst-participant {
      align-items: baseline;
      border-block-end: 1px solid var(--utrecht-color-grey-90, #e6e6e6);
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      padding-block-end: 0.5rem;
    }
    .cst-participant__name {
      font-weight: bold;
      overflow-wrap: anywhere;
    }
  `,
})
export class CaseParticipants {
  protected readonly store = inject(CaseDetailStore);
  private readonly api = inject(CasesApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly noticeView = viewChild(DetailNotice);
  protected readonly fb = feedback(this.noticeView);
  protected readonly formatDate = formatDate;

  protected readonly adding = signal(false);
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly form = inject(NonNullableFormBuilder).group({
    organisationId: ['', Validators.required],
  });

  private readonly notYet = computed(() => {
    const taking = new Set(this.store.detail()?.participants.map((p) => p.organisation.id) ?? []);
    return (this.store.organisations() ?? []).filter((o) => !taking.has(o.id));
  });
  protected readonly candidates = computed(() =>
    this.notYet().filter((o) => o.membership === 'SIGNATORY' || o.membership === 'GUEST'),
  );
  protected readonly declined = computed(() => this.notYet().filter((o) => o.membership === 'DECLINED'));

  protected open(): void {
    this.store.loadOrganisations();
    this.fb.clear();
    this.form.reset();
    this.submitted.set(false);
    this.serverErrors.set({});
    this.adding.set(true);
    this.fb.focusId('participant-form-heading');
  }

  protected cancel(): void {
    this.adding.set(false);
    this.fb.focusId('participant-add');
  }

  protected errorKey(): string | null {
    return (
      this.serverErrors()['organisationId'] ??
      (this.submitted() && !this.form.controls.organisationId.value ? 'caseDetail.fieldErrors.choose' : null)
    );
  }

  protected submit(): void {
    const d = this.store.detail();
    if (!d || this.busy()) {
      return;
    }
    this.submitted.set(true);
    this.serverErrors.set({});
    this.fb.clear();
    const organisation: TableOrganisation | undefined = this.candidates().find(
      (o) => o.id === this.form.controls.organisationId.value,
    );
    if (!organisation) {
      this.fb.focusId(FIELD_IDS.organisationId);
      return;
    }
    this.busy.set(true);
    this.api
      .addParticipant(d.id, {
        organisationId: organisation.id,
        basis: organisation.membership === 'GUEST' ? 'GUEST' : 'MEMBER',
      })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => {
          this.adding.set(false);
          this.store.replace(updated);
          this.fb.show({
            type: 'ok',
            key: 'caseDetail.participants.added',
            params: { name: organisation.name },
          });
        },
        error: (error: unknown) =>
          reportFailure(error, this.fb, {
            fieldIds: FIELD_IDS,
            setErrors: (fields) => this.serverErrors.set(fields),
            reload: () => this.reload(),
          }),
      });
  }

  protected reload(): void {
    this.store.reload().subscribe({
      next: () => this.fb.clear(),
      error: () => this.fb.show({ type: 'error', key: 'caseDetail.errors.reloadFailed' }),
    });
  }
}
