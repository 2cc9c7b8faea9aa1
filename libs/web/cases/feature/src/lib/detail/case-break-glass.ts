import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  BREAK_GLASS_REASON_MAX,
  BREAK_GLASS_REASON_MIN,
  type CaseItemDto,
} from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { Alert, FormField, Textbox } from '@casustafel/web/shared/ui';
import { catchError, finalize, of, switchMap } from 'rxjs';
import { CaseDetailStore } from './case-detail-store';
import { feedback } from './detail-feedback';
import { DetailNotice } from './detail-notice';
import { correlationIdOf, failureKind } from './detail-util';

type SummaryItem = Extract<CaseItemDto, { visibility: 'SUMMARY' }>;

/**
 * Break-the-glass (noodtoegang, ADR 0020) on a restricted item, for the procesregisseur of an open
 * case: a button that opens a short form with a clear warning (logged, reviewed by the FG, the FG
 * reads the reason) and a required reason. After opening, the case is reloaded: the item then
 * comes back in full with its "geopend via noodtoegang tot …" badge, and `opened` fires so the
 * card can move focus to it.
 */
@Component({
  selector: 'cst-case-break-glass',
  imports: [ReactiveFormsModule, TranslocoPipe, Alert, FormField, Textbox, DetailNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './detail.scss',
  template: `
    @let i = item();
    @if (!expanded()) {
      <div class="cst-actions">
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          [id]="prefix() + '-toggle'"
          aria-expanded="false"
          [attr.aria-label]="
            'breakGlass.openLabel'
              | transloco
                : {
                    summary: ('domain.summaries.' + i.summary | transloco),
                    organisation: i.authorOrganisation.name,
                  }
          "
          [attr.data-testid]="'break-glass-' + i.id"
          (click)="expand()"
        >
          {{ 'breakGlass.open' | transloco }}
        </button>
      </div>
    } @else {
      <div class="cst-panel" [id]="prefix() + '-panel'" [attr.data-testid]="'break-glass-form-' + i.id">
        <h5 class="cst-h4 cst-panel__heading" [id]="prefix() + '-heading'" tabindex="-1">
          {{ 'breakGlass.heading' | transloco }}
        </h5>
        <cst-alert type="warning">
          <p class="utrecht-paragraph">{{ 'breakGlass.warning' | transloco }}</p>
        </cst-alert>
        <cst-detail-notice [notice]="fb.notice()" />
        <form class="utrecht-form cst-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <cst-form-field
            [fieldId]="prefix() + '-reason'"
            [label]="'breakGlass.reason' | transloco"
            [hint]="'breakGlass.reasonHint' | transloco"
            [error]="error() ? (error()! | transloco) : null"
            [errorPrefix]="'caseDetail.errorPrefix' | transloco"
          >
            <textarea
              cstTextbox
              class="utrecht-textarea utrecht-textarea--html-textarea cst-textbox"
              rows="4"
              [attr.maxlength]="max"
              formControlName="reason"
            ></textarea>
          </cst-form-field>
          <div class="cst-actions">
            <button
              type="submit"
              class="utrecht-button utrecht-button--primary-action"
              [disabled]="busy()"
              [attr.aria-disabled]="busy()"
            >
              {{ 'breakGlass.submit' | transloco }}
            </button>
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              (click)="collapse()"
            >
              {{ 'breakGlass.cancel' | transloco }}
            </button>
          </div>
        </form>
      </div>
    }
  `,
})
export class CaseBreakGlass {
  readonly item = input.required<SummaryItem>();
  /** The item is open now (the case was reloaded). */
  readonly opened = output<void>();

  private readonly api = inject(CasesApi);
  private readonly store = inject(CaseDetailStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly notice = viewChild(DetailNotice);
  protected readonly fb = feedback(this.notice);
  protected readonly max = BREAK_GLASS_REASON_MAX;

  protected readonly expanded = signal(false);
  protected readonly busy = signal(false);
  private readonly submitted = signal(false);
  private readonly serverError = signal<string | null>(null);
  protected readonly reason = new FormControl('', { nonNullable: true });
  protected readonly form = new FormGroup({ reason: this.reason });
  private readonly reasonValue = signal('');

  protected readonly prefix = computed(() => `break-glass-${this.item().id}`);
  protected readonly error = computed(() => {
    const server = this.serverError();
    if (server) {
      return server;
    }
    if (!this.submitted()) {
      return null;
    }
    const length = this.reasonValue().trim().length;
    if (length === 0) {
      return 'breakGlass.errors.reasonRequired';
    }
    if (length < BREAK_GLASS_REASON_MIN) {
      return 'breakGlass.errors.reasonTooShort';
    }
    return length > BREAK_GLASS_REASON_MAX ? 'breakGlass.errors.reasonTooLong' : null;
  });

  constructor() {
    this.reason.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      this.reasonValue.set(value);
      this.serverError.set(null);
    });
  }

  protected expand(): void {
    this.expanded.set(true);
    this.fb.focusId(`${this.prefix()}-heading`);
  }

  protected collapse(): void {
    this.expanded.set(false);
    this.submitted.set(false);
    this.serverError.set(null);
    this.reason.reset('');
    this.fb.clear();
    this.fb.focusId(`${this.prefix()}-toggle`);
  }

  protected submit(): void {
    const d = this.store.detail();
    if (!d || this.busy()) {
      return;
    }
    this.submitted.set(true);
    this.fb.clear();
    if (this.error()) {
      this.fb.focusId(`${this.prefix()}-reason`);
      return;
    }
    this.busy.set(true);
    this.api
      .breakGlass(d.id, this.item().id, this.reason.value.trim())
      .pipe(
        switchMap(() => this.store.reload().pipe(catchError(() => of(null)))),
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => this.opened.emit(),
        error: (error: unknown) => this.failed(error),
      });
  }

  private failed(error: unknown): void {
    switch (failureKind(error)) {
      case 'invalid':
        this.serverError.set('breakGlass.errors.reasonTooShort');
        this.fb.focusId(`${this.prefix()}-reason`);
        return;
      case 'conflict':
        this.fb.show({ type: 'error', key: 'breakGlass.errors.alreadyOpen', reload: false });
        return;
      case 'notFound':
        this.fb.show({ type: 'error', key: 'breakGlass.errors.notAllowed' });
        return;
      default:
        this.fb.show({
          type: 'error',
          key: 'caseDetail.errors.generic',
          correlationId: correlationIdOf(error),
        });
    }
  }
}
