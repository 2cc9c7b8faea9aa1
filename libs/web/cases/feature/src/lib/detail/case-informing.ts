import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  INFORMING_REASON_CODES,
  INFORMING_STATUSES,
  type InformingReasonCode,
  type InformingStatus,
} from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { FormField, Textbox } from '@casustafel/web/shared/ui';
import { finalize, startWith } from 'rxjs';
import { CaseDetailStore } from './case-detail-store';
import { feedback, reportFailure } from './detail-feedback';
import { DetailNotice } from './detail-notice';
import { TODAY, formatDate, formatDateTime } from './detail-util';

type Field = 'status' | 'reasonCode' | 'reason' | 'reviewAt';
const FIELDS: readonly Field[] = ['status', 'reasonCode', 'reason', 'reviewAt'];
const FIELD_IDS: Record<Field, string> = {
  status: 'informing-status',
  reasonCode: 'informing-reason-code',
  reason: 'informing-reason',
  reviewAt: 'informing-review-at',
};

const STATUS_BADGES: Record<InformingStatus, string> = {
  INFORMED: 'cst-badge cst-badge--ok',
  DEFERRED: 'cst-badge cst-badge--warning',
  NOT_INFORMED: 'cst-badge cst-badge--danger',
};

/**
 * "Informeren betrokkene" (DOMAIN.md §2.5, scenario 10): the current status with its reason and
 * review date, and when that date has come a plain warning; the history of every change; and, for
 * those who manage the case, a form whose fields follow the status (a reason from the status's
 * list; a review date from today on for a deferral; a text when the reason is "Anders").
 */
@Component({
  selector: 'cst-case-informing',
  imports: [ReactiveFormsModule, TranslocoPipe, FormField, Textbox, DetailNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './detail.scss',
  templateUrl: './case-informing.html',
})
export class CaseInforming {
  protected readonly store = inject(CaseDetailStore);
  private readonly api = inject(CasesApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly today = inject(TODAY);
  private readonly noticeView = viewChild(DetailNotice);
  protected readonly fb = feedback(this.noticeView);

  protected readonly formatDate = formatDate;
  protected readonly formatDateTime = formatDateTime;
  protected readonly statuses = INFORMING_STATUSES;
  protected readonly badges = STATUS_BADGES;
  protected readonly changing = signal(false);
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly minDate = this.today();

  protected readonly form = inject(NonNullableFormBuilder).group({
    status: ['' as InformingStatus | '', Validators.required],
    reasonCode: ['' as InformingReasonCode | ''],
    reason: ['', Validators.maxLength(2000)],
    reviewAt: [''],
  });
  protected readonly status = toSignal(
    this.form.controls.status.valueChanges.pipe(startWith(this.form.controls.status.value)),
    { requireSync: true },
  );
  protected readonly reasonCode = toSignal(
    this.form.controls.reasonCode.valueChanges.pipe(startWith(this.form.controls.reasonCode.value)),
    { requireSync: true },
  );
  /** The reason codes of the chosen status (none for "informed"). */
  protected readonly reasonCodes = computed(() => {
    const status = this.status();
    return status ? INFORMING_REASON_CODES[status] : [];
  });

  protected readonly informing = computed(() => this.store.informing());

  constructor() {
    // A reason code of another status, or a review date without a deferral, cannot be sent.
    this.form.controls.status.valueChanges.pipe(takeUntilDestroyed()).subscribe((status) => {
      const codes = status ? INFORMING_REASON_CODES[status] : [];
      const code = this.form.controls.reasonCode.value;
      if (code && !codes.includes(code)) {
        this.form.controls.reasonCode.setValue('');
      }
      if (status !== 'DEFERRED') {
        this.form.controls.reviewAt.setValue('');
      }
    });
  }

  protected open(): void {
    this.fb.clear();
    this.form.reset();
    this.submitted.set(false);
    this.serverErrors.set({});
    this.changing.set(true);
    this.fb.focusId('informing-form-heading');
  }

  protected cancel(): void {
    this.changing.set(false);
    this.fb.focusId('informing-open');
  }

  protected errorKey(field: Field): string | null {
    const server = this.serverErrors()[field];
    if (server) {
      return server;
    }
    if (!this.submitted()) {
      return null;
    }
    const value = this.form.getRawValue();
    switch (field) {
      case 'status':
        return value.status ? null : 'caseDetail.fieldErrors.choose';
      case 'reasonCode':
        return this.reasonCodes().length > 0 && !value.reasonCode
          ? 'caseDetail.fieldErrors.reasonCodeRequired'
          : null;
      case 'reason':
        return value.reasonCode === 'ANDERS' && value.reason.trim() === ''
          ? 'caseDetail.fieldErrors.required'
          : this.form.controls.reason.hasError('maxlength')
            ? 'caseDetail.fieldErrors.maxLength'
            : null;
      case 'reviewAt':
        if (value.status !== 'DEFERRED') {
          return null;
        }
        return !value.reviewAt
          ? 'caseDetail.fieldErrors.reviewDateRequired'
          : value.reviewAt < this.today()
            ? 'caseDetail.fieldErrors.inThePast'
            : null;
    }
  }

  protected submit(): void {
    const d = this.store.detail();
    const current = this.store.informing();
    if (!d || !current || this.busy()) {
      return;
    }
    this.submitted.set(true);
    this.serverErrors.set({});
    this.fb.clear();
    const invalid = FIELDS.find((f) => this.errorKey(f) !== null);
    if (invalid) {
      this.fb.focusId(FIELD_IDS[invalid]);
      return;
    }
    const value = this.form.getRawValue();
    const status = value.status as InformingStatus;
    this.busy.set(true);
    this.api
      .putInforming(d.id, {
        status,
        reasonCode: this.reasonCodes().length > 0 ? (value.reasonCode as InformingReasonCode) : null,
        reason: value.reason.trim() || null,
        reviewAt: status === 'DEFERRED' ? value.reviewAt : null,
        version: current.version,
      })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (informing) => {
          this.store.replaceInforming(informing);
          this.changing.set(false);
          this.fb.show({
            type: 'ok',
            key: 'informing.saved',
            paramKeys: { status: `domain.informingStatuses.${status}` },
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
    this.store.reloadInforming().subscribe({
      next: () => this.fb.clear(),
      error: () => this.fb.show({ type: 'error', key: 'caseDetail.errors.reloadFailed' }),
    });
  }
}
