import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { FormField, Textbox } from '@casustafel/web/shared/ui';
import { finalize } from 'rxjs';
import { CaseDetailStore } from './case-detail-store';
import { feedback, reportFailure } from './detail-feedback';
import { DetailNotice } from './detail-notice';

type Field = 'reason' | 'goal' | 'casusregisseurId';
const FIELD_IDS: Record<Field, string> = {
  reason: 'core-reason',
  goal: 'core-goal',
  casusregisseurId: 'core-casusregisseur',
};

/**
 * The case core (C2): reason and goal. Without C2 in full the section says it is restricted. Those
 * who manage the case edit it together with the casusregisseur: there is no list of case workers to
 * choose from (no such endpoint), so the current casusregisseur can be kept or cleared.
 */
@Component({
  selector: 'cst-case-core',
  imports: [ReactiveFormsModule, TranslocoPipe, FormField, Textbox, DetailNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './detail.scss',
  template: `
    @if (store.detail(); as d) {
      <section class="cst-section" aria-labelledby="core-heading">
        <h2 class="utrecht-heading-2 cst-section__heading" id="core-heading" tabindex="-1">
          {{ 'caseDetail.core.heading' | transloco }}
        </h2>
        <cst-detail-notice [notice]="fb.notice()" (reload)="reload()" />
        @if (d.core; as core) {
          @if (!editing()) {
            <dl class="cst-facts" data-testid="case-core">
              <dt>{{ 'caseDetail.core.reason' | transloco }}</dt>
              <dd class="cst-pre">{{ core.reason }}</dd>
              <dt>{{ 'caseDetail.core.goal' | transloco }}</dt>
              <dd class="cst-pre">{{ core.goal || ('caseDetail.common.notSet' | transloco) }}</dd>
            </dl>
          }
        } @else {
          <div class="cst-card cst-restricted" data-testid="core-restricted">
            <p class="utrecht-paragraph">
              <strong>{{ 'caseDetail.common.restricted' | transloco }}</strong>
              {{ 'caseDetail.core.restricted' | transloco }}
            </p>
          </div>
        }
        @if (d.can.manageParticipants && d.core && !editing()) {
          <div class="cst-actions">
            <button
              type="button"
              id="core-edit"
              class="utrecht-button utrecht-button--secondary-action"
              (click)="edit()"
            >
              {{ 'caseDetail.core.edit' | transloco }}
            </button>
          </div>
        }
        @if (editing()) {
          <div class="cst-panel">
            <h3 id="core-form-heading" class="utrecht-heading-3 cst-panel__heading" tabindex="-1">
              {{ 'caseDetail.core.formHeading' | transloco }}
            </h3>
            <form
              class="utrecht-form cst-form"
              [formGroup]="form"
              (ngSubmit)="submit()"
              novalidate
              data-testid="core-form"
            >
              <cst-form-field
                fieldId="core-reason"
                [label]="'caseDetail.core.reason' | transloco"
                [error]="errorKey('reason') ? (errorKey('reason')! | transloco) : null"
                [errorPrefix]="'caseDetail.errorPrefix' | transloco"
              >
                <textarea
                  cstTextbox
                  class="utrecht-textarea utrecht-textarea--html-textarea cst-textbox"
                  rows="5"
                  maxlength="10000"
                  aria-required="true"
                  formControlName="reason"
                ></textarea>
              </cst-form-field>
              <cst-form-field
                fieldId="core-goal"
                [label]="'caseDetail.core.goal' | transloco"
                [error]="errorKey('goal') ? (errorKey('goal')! | transloco) : null"
                [errorPrefix]="'caseDetail.errorPrefix' | transloco"
              >
                <textarea
                  cstTextbox
                  class="utrecht-textarea utrecht-textarea--html-textarea cst-textbox"
                  rows="4"
                  maxlength="10000"
                  formControlName="goal"
                ></textarea>
              </cst-form-field>
              <cst-form-field
                fieldId="core-casusregisseur"
                [label]="'caseDetail.core.casusregisseur' | transloco"
                [hint]="'caseDetail.core.casusregisseurHint' | transloco"
                [error]="errorKey('casusregisseurId') ? (errorKey('casusregisseurId')! | transloco) : null"
                [errorPrefix]="'caseDetail.errorPrefix' | transloco"
              >
                <select
                  cstTextbox
                  class="utrecht-select utrecht-select--html-select cst-textbox"
                  formControlName="casusregisseurId"
                >
                  @if (d.casusregisseur; as current) {
                    <option [value]="current.id">
                      {{ 'caseDetail.core.keep' | transloco: { name: current.name } }}
                    </option>
                  }
                  <option value="">{{ 'caseDetail.core.none' | transloco }}</option>
                </select>
              </cst-form-field>
              <div class="cst-actions">
                <button
                  type="submit"
                  class="utrecht-button utrecht-button--primary-action"
                  [attr.aria-disabled]="busy() ? 'true' : null"
                >
                  {{ 'caseDetail.common.save' | transloco }}
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
      </section>
    }
  `,
})
export class CaseCore {
  protected readonly store = inject(CaseDetailStore);
  private readonly api = inject(CasesApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly noticeView = viewChild(DetailNotice);
  protected readonly fb = feedback(this.noticeView);

  protected readonly editing = signal(false);
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(10000)]],
    goal: ['', Validators.maxLength(10000)],
    casusregisseurId: [''],
  });

  protected edit(): void {
    const d = this.store.detail();
    if (!d?.core) {
      return;
    }
    this.fb.clear();
    this.submitted.set(false);
    this.serverErrors.set({});
    this.form.reset({
      reason: d.core.reason,
      goal: d.core.goal,
      casusregisseurId: d.casusregisseur?.id ?? '',
    });
    this.editing.set(true);
    this.fb.focusId('core-form-heading');
  }

  protected cancel(): void {
    this.editing.set(false);
    this.fb.focusId('core-edit');
  }

  protected errorKey(field: Field): string | null {
    const server = this.serverErrors()[field];
    if (server) {
      return server;
    }
    if (!this.submitted()) {
      return null;
    }
    const control = this.form.controls[field];
    if (field === 'reason' && control.value.trim() === '') {
      return 'caseDetail.fieldErrors.required';
    }
    return control.hasError('maxlength') ? 'caseDetail.fieldErrors.maxLength' : null;
  }

  protected submit(): void {
    const d = this.store.detail();
    if (!d || this.busy()) {
      return;
    }
    this.submitted.set(true);
    this.serverErrors.set({});
    this.fb.clear();
    const invalid = (Object.keys(FIELD_IDS) as Field[]).find((f) => this.errorKey(f) !== null);
    if (invalid) {
      this.fb.focusId(FIELD_IDS[invalid]);
      return;
    }
    const { reason, goal, casusregisseurId } = this.form.getRawValue();
    this.busy.set(true);
    this.api
      .update(d.id, {
        reason: reason.trim(),
        goal: goal.trim(),
        casusregisseurId: casusregisseurId || null,
        version: d.version,
      })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => {
          this.editing.set(false);
          this.store.replace(updated);
          this.fb.show({ type: 'ok', key: 'caseDetail.core.saved' });
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
