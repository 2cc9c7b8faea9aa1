import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  BREAK_GLASS_OUTCOMES,
  type BreakGlassOutcome,
  type BreakGlassReviewDto,
} from '@casustafel/shared/contracts';
import { statusOf } from '@casustafel/web/auth/data-access';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { FormField, Textbox } from '@casustafel/web/shared/ui';
import { finalize } from 'rxjs';

export type ReviewResult =
  | { kind: 'saved'; review: BreakGlassReviewDto }
  | { kind: 'stale' }
  | { kind: 'failed' };

/**
 * The FG's assessment of one break-glass opening: justified or not (then with an explanation),
 * sent with the version the FG saw (409 when someone else reviewed it meanwhile).
 */
@Component({
  selector: 'cst-break-glass-review-form',
  imports: [ReactiveFormsModule, TranslocoPipe, FormField, Textbox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/cases-page.scss',
  template: `
    @let r = review();
    <form
      class="utrecht-form cst-form"
      [formGroup]="form"
      (ngSubmit)="submit()"
      novalidate
      [attr.data-testid]="'review-form-' + r.id"
    >
      <fieldset
        class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
        [class.utrecht-form-fieldset--invalid]="outcomeError()"
        [attr.aria-describedby]="outcomeError() ? prefix() + '-outcome-error' : null"
      >
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {{ 'breakGlass.reviews.outcome' | transloco }}
        </legend>
        @if (outcomeError()) {
          <div class="utrecht-form-field-error-message" [id]="prefix() + '-outcome-error'">
            <span class="cdk-visually-hidden">{{ 'caseDetail.errorPrefix' | transloco }} </span
            >{{ 'breakGlass.reviews.outcomeRequired' | transloco }}
          </div>
        }
        <div class="cst-choices">
          @for (outcome of outcomes; track outcome) {
            <div class="cst-choice">
              <input
                type="radio"
                [id]="prefix() + '-' + outcome"
                [value]="outcome"
                formControlName="outcome"
              />
              <label class="utrecht-form-label utrecht-form-label--radio" [for]="prefix() + '-' + outcome">{{
                'breakGlass.reviews.outcomes.' + outcome | transloco
              }}</label>
            </div>
          }
        </div>
      </fieldset>
      <cst-form-field
        [fieldId]="prefix() + '-note'"
        [label]="'breakGlass.reviews.note' | transloco"
        [hint]="'breakGlass.reviews.noteHint' | transloco"
        [error]="noteError() ? ('breakGlass.reviews.noteRequired' | transloco) : null"
        [errorPrefix]="'caseDetail.errorPrefix' | transloco"
      >
        <textarea
          cstTextbox
          class="utrecht-textarea utrecht-textarea--html-textarea cst-textbox"
          rows="3"
          maxlength="2000"
          formControlName="note"
        ></textarea>
      </cst-form-field>
      <div class="cst-actions">
        <button
          type="submit"
          class="utrecht-button utrecht-button--primary-action"
          [disabled]="busy()"
          [attr.aria-disabled]="busy()"
        >
          {{ (r.review ? 'breakGlass.reviews.change' : 'breakGlass.reviews.submit') | transloco }}
        </button>
      </div>
    </form>
  `,
})
export class BreakGlassReviewForm {
  readonly review = input.required<BreakGlassReviewDto>();
  readonly done = output<ReviewResult>();

  private readonly api = inject(CasesApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly outcomes = BREAK_GLASS_OUTCOMES;
  protected readonly busy = signal(false);
  private readonly submitted = signal(false);
  private readonly value = signal<{ outcome: BreakGlassOutcome | ''; note: string }>({
    outcome: '',
    note: '',
  });

  protected readonly form = new FormGroup({
    outcome: new FormControl<BreakGlassOutcome | ''>('', { nonNullable: true }),
    note: new FormControl('', { nonNullable: true }),
  });
  protected readonly prefix = computed(() => `review-${this.review().id}`);
  protected readonly outcomeError = computed(() => this.submitted() && !this.value().outcome);
  protected readonly noteError = computed(
    () =>
      this.submitted() && this.value().outcome === 'NIET_GERECHTVAARDIGD' && this.value().note.trim() === '',
  );

  constructor() {
    this.form.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.value.set(this.form.getRawValue()));
  }

  protected submit(): void {
    if (this.busy()) {
      return;
    }
    this.submitted.set(true);
    const { outcome, note } = this.form.getRawValue();
    if (!outcome || this.noteError()) {
      const id = !outcome ? `${this.prefix()}-${this.outcomes[0]}` : `${this.prefix()}-note`;
      document.getElementById(id)?.focus();
      return;
    }
    this.busy.set(true);
    this.api
      .reviewBreakGlass(this.review().id, {
        outcome,
        note: note.trim() || null,
        version: this.review().version,
      })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (review) => this.done.emit({ kind: 'saved', review }),
        error: (error: unknown) => this.done.emit({ kind: statusOf(error) === 409 ? 'stale' : 'failed' }),
      });
  }
}
