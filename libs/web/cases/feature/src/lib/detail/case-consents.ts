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
import {
  CONSENT_EVIDENCE_TYPES,
  CONSENT_FORMS,
  CONSENT_GIVERS,
  CONSENT_KINDS,
  type ConsentDto,
  type ConsentEvidenceType,
  type ConsentForm,
  type ConsentGiver,
  type ConsentKind,
  type DataCategory,
} from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { FormField, Textbox } from '@casustafel/web/shared/ui';
import { catchError, finalize, forkJoin, of } from 'rxjs';
import { CaseDetailStore } from './case-detail-store';
import { ITEM_CATEGORIES } from './case-item-form';
import { personLabel } from './consent-util';
import { DetailCheckboxes, type CheckboxOption } from './detail-checkboxes';
import { feedback, reportFailure } from './detail-feedback';
import { DetailNotice } from './detail-notice';
import { TODAY, formatDate, formatDateTime } from './detail-util';

type Field =
  | 'personId'
  | 'kind'
  | 'scopeOrganisationIds'
  | 'scopeCategories'
  | 'purpose'
  | 'givenBy'
  | 'form'
  | 'evidenceType'
  | 'evidenceItemId'
  | 'givenAt';
const FIELDS: readonly Field[] = [
  'personId',
  'kind',
  'scopeOrganisationIds',
  'scopeCategories',
  'purpose',
  'givenBy',
  'form',
  'evidenceType',
  'evidenceItemId',
  'givenAt',
];

/**
 * The consent register ("Toestemming", DOMAIN.md §2.3): each consent or agreement plainly active
 * or withdrawn, with its person, scope (organisations, categories, purpose), how it was given and
 * its evidence, and how many disclosures rest on it (lapsed once it is withdrawn). Those who
 * manage the case record one; a manager or a writer of the recording organisation withdraws it,
 * after a confirmation that says what lapses. The moment of withdrawal is the server's.
 */
@Component({
  selector: 'cst-case-consents',
  imports: [ReactiveFormsModule, TranslocoPipe, FormField, Textbox, DetailNotice, DetailCheckboxes],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './detail.scss',
  templateUrl: './case-consents.html',
})
export class CaseConsents {
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
  protected readonly kinds = CONSENT_KINDS;
  protected readonly givers = CONSENT_GIVERS;
  protected readonly forms = CONSENT_FORMS;
  protected readonly evidenceTypes = CONSENT_EVIDENCE_TYPES;
  protected readonly recording = signal(false);
  protected readonly withdrawing = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly maxDate = this.today();

  protected readonly form = inject(NonNullableFormBuilder).group({
    personId: ['', Validators.required],
    kind: ['' as ConsentKind | '', Validators.required],
    scopeOrganisationIds: [[] as string[]],
    scopeCategories: [[] as string[]],
    purpose: ['', [Validators.required, Validators.maxLength(2000)]],
    givenBy: ['' as ConsentGiver | '', Validators.required],
    form: ['' as ConsentForm | '', Validators.required],
    evidenceType: ['' as ConsentEvidenceType | '', Validators.required],
    evidenceItemId: [''],
    givenAt: ['', Validators.required],
  });
  protected readonly withdrawForm = inject(NonNullableFormBuilder).group({
    note: ['', Validators.maxLength(2000)],
  });

  protected readonly consents = computed(() => this.store.consents()?.consents ?? []);
  protected readonly canRecord = computed(() => !!this.store.consents()?.canRecord);
  protected readonly organisationOptions = computed<CheckboxOption[]>(() =>
    (this.store.organisations() ?? []).map((o) => ({ value: o.id, label: o.name })),
  );
  protected readonly categoryOptions = computed<CheckboxOption[]>(() => {
    this.lang();
    return ITEM_CATEGORIES.map((c) => ({
      value: c,
      label: this.transloco.translate(`domain.categories.${c}`),
    }));
  });
  /** Items the user reads in full: possible evidence (e.g. with the signed form attached). */
  protected readonly evidenceItems = computed(() =>
    (this.store.detail()?.items ?? []).flatMap((i) =>
      i.visibility === 'FULL' ? [{ id: i.id, title: i.title }] : [],
    ),
  );
  private readonly titles = computed(
    () =>
      new Map(
        (this.store.detail()?.items ?? []).map((i) => [i.id, i.visibility === 'FULL' ? i.title : null]),
      ),
  );

  protected person(personId: string): string {
    this.lang();
    return personLabel(this.store.detail()?.persons ?? [], personId, (key, params) =>
      this.transloco.translate(key, params),
    );
  }

  protected kindLabel(k: ConsentDto): string {
    this.lang();
    return this.transloco.translate(`domain.consentKinds.${k.kind}`);
  }

  protected evidenceTitle(k: ConsentDto): string | null {
    return k.evidenceItemId ? (this.titles().get(k.evidenceItemId) ?? null) : null;
  }

  protected open(): void {
    this.store.loadOrganisations();
    this.fb.clear();
    this.form.reset();
    this.form.controls.givenAt.setValue(this.today());
    this.submitted.set(false);
    this.serverErrors.set({});
    this.recording.set(true);
    this.fb.focusId('consent-form-heading');
  }

  protected cancel(): void {
    this.recording.set(false);
    this.fb.focusId('consent-open');
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
      case 'personId':
      case 'kind':
      case 'givenBy':
      case 'form':
      case 'evidenceType':
        return value[field] ? null : 'caseDetail.fieldErrors.choose';
      case 'scopeOrganisationIds':
        return value.scopeOrganisationIds.length === 0 ? 'caseDetail.fieldErrors.chooseOrganisations' : null;
      case 'scopeCategories':
        return value.scopeCategories.length === 0 ? 'caseDetail.fieldErrors.arrayMinSize' : null;
      case 'purpose':
        return value.purpose.trim() === ''
          ? 'caseDetail.fieldErrors.required'
          : this.form.controls.purpose.hasError('maxlength')
            ? 'caseDetail.fieldErrors.maxLength'
            : null;
      case 'evidenceItemId':
        return null;
      case 'givenAt':
        return !value.givenAt
          ? 'caseDetail.fieldErrors.required'
          : value.givenAt > this.today()
            ? 'caseDetail.fieldErrors.inTheFuture'
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
      this.fb.focusId(this.fieldId(invalid));
      return;
    }
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.api
      .recordConsent(d.id, {
        personId: value.personId,
        kind: value.kind as ConsentKind,
        scopeOrganisationIds: value.scopeOrganisationIds,
        scopeCategories: value.scopeCategories as DataCategory[],
        purpose: value.purpose.trim(),
        givenBy: value.givenBy as ConsentGiver,
        form: value.form as ConsentForm,
        evidenceType: value.evidenceType as ConsentEvidenceType,
        evidenceItemId: value.evidenceItemId || null,
        givenAt: value.givenAt,
      })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.recording.set(false);
          this.refresh('consents.recorded');
        },
        error: (error: unknown) =>
          reportFailure(error, this.fb, {
            fieldIds: Object.fromEntries(FIELDS.map((f) => [f, this.fieldId(f)])),
            setErrors: (fields) => this.serverErrors.set(fields),
            reload: () => this.reload(),
          }),
      });
  }

  protected startWithdraw(k: ConsentDto): void {
    this.fb.clear();
    this.withdrawForm.reset();
    this.withdrawing.set(k.id);
    this.fb.focusId(`consent-${k.id}-confirm-heading`);
  }

  protected cancelWithdraw(k: ConsentDto): void {
    this.withdrawing.set(null);
    this.fb.focusId(`consent-${k.id}-withdraw`);
  }

  protected withdraw(k: ConsentDto): void {
    const d = this.store.detail();
    if (!d || this.busy()) {
      return;
    }
    this.busy.set(true);
    this.api
      .withdrawConsent(d.id, k.id, {
        version: k.version,
        note: this.withdrawForm.controls.note.value.trim() || null,
      })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.withdrawing.set(null);
          this.refresh('consents.withdrawnDone');
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
    forkJoin([this.store.reloadConsents(), this.store.reload()]).subscribe({
      next: () => this.fb.clear(),
      error: () => this.fb.show({ type: 'error', key: 'caseDetail.errors.reloadFailed' }),
    });
  }

  /**
   * After a change: the register and the case again (a withdrawal can close what this user was
   * shown under the consent), then the confirmation.
   */
  private refresh(done: string): void {
    forkJoin([
      this.store.reloadConsents().pipe(catchError(() => of(null))),
      this.store.reload().pipe(catchError(() => of(null))),
    ])
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.fb.show({ type: 'ok', key: done }));
  }

  private fieldId(field: Field): string {
    switch (field) {
      case 'personId':
        return 'consent-person';
      case 'scopeOrganisationIds': {
        const first = this.organisationOptions()[0];
        return first ? `consent-organisations-${first.value}` : 'consent-kind';
      }
      case 'scopeCategories':
        return `consent-categories-${ITEM_CATEGORIES[0]}`;
      case 'givenBy':
        return 'consent-given-by';
      case 'evidenceType':
        return 'consent-evidence';
      case 'evidenceItemId':
        return 'consent-evidence-item';
      case 'givenAt':
        return 'consent-given-at';
      default:
        return `consent-${field}`;
    }
  }
}
