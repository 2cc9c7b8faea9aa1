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
  LEGAL_GROUNDS,
  type CaseItemDto,
  type DataCategory,
  type DisclosureDto,
  type DisclosureState,
  type LegalGround,
} from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { FormField, Textbox } from '@casustafel/web/shared/ui';
import { Observable, catchError, finalize, forkJoin, of, switchMap } from 'rxjs';
import { CaseDetailStore } from './case-detail-store';
import { ITEM_CATEGORIES } from './case-item-form';
import { consentOf, consentsFor, lapsedBy, personLabel } from './consent-util';
import { DetailCheckboxes, type CheckboxOption } from './detail-checkboxes';
import { feedback, reportFailure } from './detail-feedback';
import { DetailNotice } from './detail-notice';
import { formatDateTime } from './detail-util';

type Field =
  | 'toOrganisationId'
  | 'itemIds'
  | 'categories'
  | 'purpose'
  | 'legalGround'
  | 'legalReference'
  | 'consentId';
const FIELDS: readonly Field[] = [
  'toOrganisationId',
  'itemIds',
  'categories',
  'purpose',
  'legalGround',
  'legalReference',
  'consentId',
];

const STATE_BADGES: Record<DisclosureState, string> = {
  PROPOSED: 'cst-badge cst-badge--warning',
  APPROVED: 'cst-badge cst-badge--ok',
  REJECTED: 'cst-badge cst-badge--danger',
  REVOKED: 'cst-badge',
};

/**
 * Disclosures (verstrekkingen): what the user's organisation shared, or was given, with purpose and
 * legal ground. Propose one (only items the organisation wrote itself, as the server requires,
 * and/or whole categories of its own items); those who manage the case approve or reject it (not
 * their own proposal: four eyes); the sharing organisation or a manager revokes it with a reason.
 * A disclosure may rest on a recorded consent that covers the recipient; once that consent is
 * withdrawn the disclosure has lapsed, and the list says so.
 */
@Component({
  selector: 'cst-case-disclosures',
  imports: [ReactiveFormsModule, TranslocoPipe, FormField, Textbox, DetailNotice, DetailCheckboxes],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './detail.scss',
  templateUrl: './case-disclosures.html',
})
export class CaseDisclosures {
  protected readonly store = inject(CaseDetailStore);
  private readonly api = inject(CasesApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = toSignal(this.transloco.langChanges$);
  private readonly noticeView = viewChild(DetailNotice);
  protected readonly fb = feedback(this.noticeView);

  protected readonly formatDateTime = formatDateTime;
  protected readonly badges = STATE_BADGES;
  protected readonly legalGrounds = LEGAL_GROUNDS;
  protected readonly proposing = signal(false);
  protected readonly revoking = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly revokeSubmitted = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});

  protected readonly form = inject(NonNullableFormBuilder).group({
    toOrganisationId: ['', Validators.required],
    itemIds: [[] as string[]],
    categories: [[] as string[]],
    purpose: ['', [Validators.required, Validators.maxLength(2000)]],
    legalGround: ['' as LegalGround | '', Validators.required],
    legalReference: ['', Validators.maxLength(1000)],
    consentId: [''],
  });
  protected readonly revokeForm = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(2000)]],
  });
  protected readonly legalGround = toSignal(this.form.controls.legalGround.valueChanges, {
    initialValue: '',
  });
  private readonly recipient = toSignal(this.form.controls.toOrganisationId.valueChanges, {
    initialValue: '',
  });
  private readonly consents = computed(() => this.store.consents()?.consents ?? []);
  /** Consents the disclosure can rest on: standing, for sharing, covering the chosen recipient. */
  protected readonly consentChoices = computed(() => {
    this.lang();
    const persons = this.store.detail()?.persons ?? [];
    const t = (key: string, params?: Record<string, string>) => this.transloco.translate(key, params);
    return consentsFor(this.consents(), this.recipient()).map((k) => ({
      id: k.id,
      label: t('caseDetail.disclosures.consentOption', {
        kind: t(`domain.consentKinds.${k.kind}`),
        person: personLabel(persons, k.personId, t),
        categories: k.scope.categories.map((c) => t(`domain.categories.${c}`)).join(', '),
      }),
    }));
  });

  protected readonly canPropose = computed(() => {
    const d = this.store.detail();
    return !!d?.can.proposeDisclosure && d.state !== 'AFGESLOTEN' && d.state !== 'VERNIETIGD';
  });
  /** Recipients: partners of the table (signatory or guest), not the user's own organisation. */
  protected readonly recipients = computed(() =>
    (this.store.organisations() ?? []).filter(
      (o) =>
        (o.membership === 'SIGNATORY' || o.membership === 'GUEST') &&
        o.id !== this.store.myOrganisation()?.id,
    ),
  );
  /** Only items the user's organisation wrote: the server refuses anything else. */
  protected readonly ownItems = computed<CheckboxOption[]>(() =>
    (this.store.detail()?.items ?? [])
      .filter(
        (i): i is Extract<CaseItemDto, { visibility: 'FULL' }> =>
          i.visibility === 'FULL' && i.grantedBy === 'OWN',
      )
      .map((i) => ({ value: i.id, label: i.title })),
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

  constructor() {
    // A consent that does not cover the newly chosen recipient cannot stay chosen.
    this.form.controls.toOrganisationId.valueChanges.pipe(takeUntilDestroyed()).subscribe((recipient) => {
      const chosen = this.form.controls.consentId.value;
      if (chosen && !consentsFor(this.consents(), recipient).some((k) => k.id === chosen)) {
        this.form.controls.consentId.setValue('');
      }
    });
  }

  /** The consent a disclosure rests on, as "kind of person", and whether it has lapsed. */
  protected consentFacts(d: DisclosureDto): { label: string; lapsedAt: string | null } | null {
    this.lang();
    const consent = consentOf(this.consents(), d);
    if (!consent) {
      return null;
    }
    const t = (key: string, params?: Record<string, string>) => this.transloco.translate(key, params);
    return {
      label: t('caseDetail.disclosures.consentStands', {
        kind: t(`domain.consentKinds.${consent.kind}`),
        person: personLabel(this.store.detail()?.persons ?? [], consent.personId, t),
      }),
      lapsedAt: lapsedBy(this.consents(), d)?.withdrawnAt ?? null,
    };
  }

  protected itemTitles(d: DisclosureDto): string[] {
    return d.itemIds.map((id) => this.titles().get(id)).filter((t): t is string => !!t);
  }

  protected hiddenItems(d: DisclosureDto): number {
    return d.itemIds.length - this.itemTitles(d).length;
  }

  protected mayRevoke(d: DisclosureDto): boolean {
    const detail = this.store.detail();
    return (
      (d.state === 'APPROVED' || d.state === 'PROPOSED') &&
      !!detail &&
      (d.from.id === this.store.myOrganisation()?.id || detail.can.manageParticipants)
    );
  }

  protected open(): void {
    this.store.loadOrganisations();
    this.fb.clear();
    this.form.reset();
    this.submitted.set(false);
    this.serverErrors.set({});
    this.proposing.set(true);
    this.fb.focusId('disclosure-form-heading');
  }

  protected cancel(): void {
    this.proposing.set(false);
    this.fb.focusId('disclosure-open');
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
      case 'itemIds':
        return value.itemIds.length + value.categories.length === 0
          ? 'caseDetail.fieldErrors.nothingToShare'
          : null;
      case 'categories':
        return null;
      case 'purpose':
        return value.purpose.trim() === ''
          ? 'caseDetail.fieldErrors.required'
          : this.form.controls.purpose.hasError('maxlength')
            ? 'caseDetail.fieldErrors.maxLength'
            : null;
      case 'legalGround':
        return value.legalGround ? null : 'caseDetail.fieldErrors.choose';
      case 'legalReference':
        return value.legalGround === 'OTHER' && value.legalReference.trim() === ''
          ? 'caseDetail.fieldErrors.referenceRequired'
          : null;
      case 'consentId':
        return null;
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
    const recipient = this.recipients().find((o) => o.id === value.toOrganisationId);
    this.busy.set(true);
    this.api
      .proposeDisclosure(d.id, {
        toOrganisationId: value.toOrganisationId,
        itemIds: value.itemIds,
        categories: value.categories as DataCategory[],
        purpose: value.purpose.trim(),
        legalGround: value.legalGround as LegalGround,
        legalReference: value.legalReference.trim(),
        consentId: value.consentId || null,
      })
      .pipe(
        switchMap(() =>
          forkJoin([
            this.store.reload().pipe(catchError(() => of(null))),
            value.consentId ? this.store.reloadConsents().pipe(catchError(() => of(null))) : of(null),
          ]),
        ),
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.proposing.set(false);
          this.fb.show({
            type: 'ok',
            key: 'caseDetail.disclosures.proposed',
            params: { name: recipient?.name ?? '' },
          });
        },
        error: (error: unknown) =>
          reportFailure(error, this.fb, {
            fieldIds: Object.fromEntries(FIELDS.map((f) => [f, this.fieldId(f)])),
            setErrors: (fields) => this.serverErrors.set(fields),
            reload: () => this.reload(),
          }),
      });
  }

  protected decide(d: DisclosureDto, approve: boolean): void {
    const detail = this.store.detail();
    if (!detail || this.busy()) {
      return;
    }
    const call: Observable<void> = approve
      ? this.api.approveDisclosure(detail.id, d.id)
      : this.api.rejectDisclosure(detail.id, d.id);
    this.run(call, approve ? 'caseDetail.disclosures.approved' : 'caseDetail.disclosures.rejected', d);
  }

  protected startRevoke(d: DisclosureDto): void {
    this.fb.clear();
    this.revokeForm.reset();
    this.revokeSubmitted.set(false);
    this.revoking.set(d.id);
    this.fb.focusId(`disclosure-${d.id}-revoke-reason`);
  }

  protected cancelRevoke(d: DisclosureDto): void {
    this.revoking.set(null);
    this.fb.focusId(`disclosure-${d.id}-revoke`);
  }

  protected revokeError(): string | null {
    if (!this.revokeSubmitted()) {
      return null;
    }
    return this.revokeForm.controls.reason.value.trim() === '' ? 'caseDetail.fieldErrors.required' : null;
  }

  protected revoke(d: DisclosureDto): void {
    const detail = this.store.detail();
    this.revokeSubmitted.set(true);
    if (!detail || this.busy()) {
      return;
    }
    if (this.revokeError()) {
      this.fb.focusId(`disclosure-${d.id}-revoke-reason`);
      return;
    }
    this.run(
      this.api.revokeDisclosure(detail.id, d.id, this.revokeForm.controls.reason.value.trim()),
      'caseDetail.disclosures.revoked',
      d,
    );
  }

  protected reload(): void {
    this.store.reload().subscribe({
      next: () => this.fb.clear(),
      error: () => this.fb.show({ type: 'error', key: 'caseDetail.errors.reloadFailed' }),
    });
  }

  private run(call: Observable<void>, done: string, d: DisclosureDto): void {
    this.busy.set(true);
    call
      .pipe(
        switchMap(() => this.store.reload().pipe(catchError(() => of(null)))),
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.revoking.set(null);
          this.fb.show({ type: 'ok', key: done, params: { name: d.to.name } });
        },
        error: (error: unknown) =>
          reportFailure(error, this.fb, {
            fieldIds: {},
            setErrors: () => undefined,
            reload: () => this.reload(),
          }),
      });
  }

  private fieldId(field: Field): string {
    switch (field) {
      case 'itemIds':
        return this.ownItems().length > 0
          ? `disclosure-items-${this.ownItems()[0].value}`
          : `disclosure-categories-${ITEM_CATEGORIES[0]}`;
      case 'categories':
        return `disclosure-categories-${ITEM_CATEGORIES[0]}`;
      case 'toOrganisationId':
        return 'disclosure-recipient';
      case 'legalGround':
        return 'disclosure-legal-ground';
      case 'legalReference':
        return 'disclosure-reference';
      case 'consentId':
        return 'disclosure-consent';
      default:
        return `disclosure-${field}`;
    }
  }
}
