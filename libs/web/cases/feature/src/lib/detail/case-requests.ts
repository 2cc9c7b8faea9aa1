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
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type {
  DataCategory,
  InformationRequestDto,
  InformationRequestState,
} from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { FormField, Textbox } from '@casustafel/web/shared/ui';
import { catchError, finalize, of, switchMap } from 'rxjs';
import { CaseDetailStore } from './case-detail-store';
import { CaseItemForm, ITEM_CATEGORIES } from './case-item-form';
import { DetailCheckboxes, type CheckboxOption } from './detail-checkboxes';
import { feedback, reportFailure } from './detail-feedback';
import { DetailNotice, type Notice } from './detail-notice';
import { TODAY, formatDate, formatDateTime } from './detail-util';

type Field = 'toOrganisationId' | 'question' | 'categories' | 'dueAt';
const FIELDS: readonly Field[] = ['toOrganisationId', 'question', 'categories', 'dueAt'];
const FIELD_IDS: Record<Field, string> = {
  toOrganisationId: 'request-organisation',
  question: 'request-question',
  categories: `request-categories-${ITEM_CATEGORIES[0]}`,
  dueAt: 'request-due',
};

const STATE_BADGES: Record<InformationRequestState, string> = {
  OPEN: 'cst-badge cst-badge--warning',
  ANSWERED: 'cst-badge cst-badge--ok',
  DECLINED: 'cst-badge',
};

/**
 * Information requests (bevraging): to whom, which categories, by when, and their state; overdue
 * ones say so in words (and in red). Those who manage the case send a request; the asked
 * organisation answers with an item (the item form, linked to the request) or declines with a reason.
 */
@Component({
  selector: 'cst-case-requests',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    FormField,
    Textbox,
    DetailNotice,
    DetailCheckboxes,
    CaseItemForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './detail.scss',
  templateUrl: './case-requests.html',
  styles: `
    .cst-overdue {
      color: var(--utrecht-color-red-30, #a00);
      font-weight: bold;
    }
  `,
})
export class CaseRequests {
  protected readonly store = inject(CaseDetailStore);
  private readonly api = inject(CasesApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = toSignal(this.transloco.langChanges$);
  private readonly today = inject(TODAY);
  private readonly noticeView = viewChild(DetailNotice);
  protected readonly fb = feedback(this.noticeView);

  protected readonly formatDate = formatDate;
  protected readonly formatDateTime = formatDateTime;
  protected readonly badges = STATE_BADGES;
  protected readonly creating = signal(false);
  protected readonly answering = signal<string | null>(null);
  protected readonly declining = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly declineSubmitted = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly minDate = this.today();

  protected readonly form = inject(NonNullableFormBuilder).group({
    toOrganisationId: ['', Validators.required],
    question: ['', [Validators.required, Validators.maxLength(5000)]],
    categories: [[] as string[]],
    dueAt: ['', Validators.required],
  });
  protected readonly declineForm = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(2000)]],
  });

  protected readonly canCreate = computed(() => {
    const d = this.store.detail();
    return !!d?.can.requestInformation && d.state !== 'AFGESLOTEN' && d.state !== 'VERNIETIGD';
  });
  protected readonly recipients = computed(() =>
    (this.store.organisations() ?? []).filter(
      (o) => o.membership === 'SIGNATORY' || o.membership === 'GUEST',
    ),
  );
  protected readonly categoryOptions = computed<CheckboxOption[]>(() => {
    this.lang();
    return ITEM_CATEGORIES.map((c) => ({
      value: c,
      label: this.transloco.translate(`domain.categories.${c}`),
    }));
  });
  private readonly titles = computed(
    () =>
      new Map(
        (this.store.detail()?.items ?? []).map((i) => [i.id, i.visibility === 'FULL' ? i.title : null]),
      ),
  );

  /** Open requests addressed to the user's organisation can be answered or declined here. */
  protected mine(r: InformationRequestDto): boolean {
    const d = this.store.detail();
    return (
      r.state === 'OPEN' &&
      r.to.id === this.store.myOrganisation()?.id &&
      !!d?.can.addItems &&
      d.state !== 'AFGESLOTEN' &&
      d.state !== 'VERNIETIGD'
    );
  }

  protected answerTitles(r: InformationRequestDto): string[] {
    return r.answerItemIds.map((id) => this.titles().get(id)).filter((t): t is string => !!t);
  }

  protected open(): void {
    this.store.loadOrganisations();
    this.fb.clear();
    this.form.reset();
    this.submitted.set(false);
    this.serverErrors.set({});
    this.creating.set(true);
    this.fb.focusId('request-form-heading');
  }

  protected cancel(): void {
    this.creating.set(false);
    this.fb.focusId('request-open');
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
      case 'toOrganisationId':
        return value.toOrganisationId ? null : 'caseDetail.fieldErrors.choose';
      case 'question':
        return value.question.trim() === ''
          ? 'caseDetail.fieldErrors.required'
          : this.form.controls.question.hasError('maxlength')
            ? 'caseDetail.fieldErrors.maxLength'
            : null;
      case 'categories':
        return value.categories.length === 0 ? 'caseDetail.fieldErrors.arrayMinSize' : null;
      case 'dueAt':
        return !value.dueAt
          ? 'caseDetail.fieldErrors.required'
          : value.dueAt < this.today()
            ? 'caseDetail.fieldErrors.inThePast'
            : null;
    }
  }

  protected submit(): void {
    const d = this.store.detail();
    if (!d || this.busy()) {
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
    const recipient = this.recipients().find((o) => o.id === value.toOrganisationId);
    this.busy.set(true);
    this.api
      .requestInformation(d.id, {
        toOrganisationId: value.toOrganisationId,
        question: value.question.trim(),
        categories: value.categories as DataCategory[],
        dueAt: value.dueAt,
      })
      .pipe(
        switchMap(() => this.store.reload().pipe(catchError(() => of(null)))),
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.creating.set(false);
          this.fb.show({
            type: 'ok',
            key: 'caseDetail.requests.sent',
            params: { name: recipient?.name ?? '', date: formatDate(value.dueAt) },
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

  protected startAnswer(r: InformationRequestDto): void {
    this.fb.clear();
    this.declining.set(null);
    this.answering.set(r.id);
  }

  protected answered(notice: Notice): void {
    this.answering.set(null);
    this.fb.show(notice);
  }

  protected stopAnswer(r: InformationRequestDto): void {
    this.answering.set(null);
    this.fb.focusId(`request-${r.id}-answer`);
  }

  protected startDecline(r: InformationRequestDto): void {
    this.fb.clear();
    this.answering.set(null);
    this.declineForm.reset();
    this.declineSubmitted.set(false);
    this.declining.set(r.id);
    this.fb.focusId(`request-${r.id}-decline-reason`);
  }

  protected cancelDecline(r: InformationRequestDto): void {
    this.declining.set(null);
    this.fb.focusId(`request-${r.id}-decline`);
  }

  protected declineError(): string | null {
    if (!this.declineSubmitted()) {
      return null;
    }
    return this.declineForm.controls.reason.value.trim() === '' ? 'caseDetail.fieldErrors.required' : null;
  }

  protected decline(r: InformationRequestDto): void {
    const d = this.store.detail();
    this.declineSubmitted.set(true);
    if (!d || this.busy()) {
      return;
    }
    if (this.declineError()) {
      this.fb.focusId(`request-${r.id}-decline-reason`);
      return;
    }
    this.busy.set(true);
    this.api
      .declineInformationRequest(d.id, r.id, this.declineForm.controls.reason.value.trim())
      .pipe(
        switchMap(() => this.store.reload().pipe(catchError(() => of(null)))),
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.declining.set(null);
          this.fb.show({ type: 'ok', key: 'caseDetail.requests.declined' });
        },
        error: (error: unknown) =>
          reportFailure(error, this.fb, {
            fieldIds: {},
            setErrors: () => undefined,
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
