import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  EXTRACT_ITEM_MODES,
  LEGAL_GROUNDS,
  type CreateExtractRequest,
  type ExtractCandidateDto,
  type ExtractCandidatesDto,
  type ExtractDto,
  type ExtractItemMode,
  type LegalGround,
  type TableOrganisation,
} from '@casustafel/shared/contracts';
import { SessionStore } from '@casustafel/web/auth/data-access';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { ExtractsApi } from '@casustafel/web/extracts/data-access';
import { FormField, Textbox, ErrorSummary, type SummaryError } from '@casustafel/web/shared/ui';
import { Subscription, finalize } from 'rxjs';
import { ExtractNotice, type Notice } from '../shared/extract-notice';
import { extractFailure, fieldErrorsOf, todayInAmsterdam } from '../shared/extract-util';
import { formatDate } from '@casustafel/web/shared/i18n';

type Field = 'recipient' | 'items' | 'purpose' | 'legalGround' | 'legalReference' | 'expiresOn';
const FIELDS: readonly Field[] = [
  'recipient',
  'items',
  'purpose',
  'legalGround',
  'legalReference',
  'expiresOn',
];
const FIELD_IDS: Record<Field, string> = {
  recipient: 'extract-recipient',
  items: 'extract-items',
  purpose: 'extract-purpose',
  legalGround: 'extract-legal-ground',
  legalReference: 'extract-legal-reference',
  expiresOn: 'extract-expires-on',
};
/** The API's field names (CreateExtractRequest) → the form's. */
const SERVER_FIELDS: Record<string, Field> = {
  recipientOrganisationId: 'recipient',
  items: 'items',
  purpose: 'purpose',
  legalGround: 'legalGround',
  legalReference: 'legalReference',
  expiresOn: 'expiresOn',
};

interface Choice {
  chosen: boolean;
  mode: ExtractItemMode;
}

/**
 * "Uittreksel opstellen": first the recipient organisation, then the items the composer may give
 * it (the server's candidates: per item FULL or only CATEGORY_SUMMARY, nothing else offered), the
 * purpose, the legal ground (with a reference for "Anders, namelijk") and an optional expiry date.
 * With `base` it composes a new version of that extract, pre-filled from it. Problems are shown at
 * their field (an item's at the item) and in a summary that takes focus.
 */
@Component({
  selector: 'cst-extract-compose',
  imports: [ReactiveFormsModule, TranslocoPipe, FormField, Textbox, ErrorSummary, ExtractNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/extracts.scss',
  templateUrl: './extract-compose.html',
})
export class ExtractCompose implements OnInit {
  readonly caseId = input.required<string>();
  readonly tableId = input.required<string>();
  /** The extract this one replaces ("Nieuwe versie"), or null for a new one. */
  readonly base = input<ExtractDto | null>(null);
  readonly created = output<ExtractDto>();
  readonly cancelled = output<void>();

  private readonly api = inject(ExtractsApi);
  private readonly casesApi = inject(CasesApi);
  private readonly session = inject(SessionStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = toSignal(this.transloco.langChanges$);
  private readonly summary = viewChild(ErrorSummary);
  private readonly noticeView = viewChild(ExtractNotice);

  protected readonly legalGrounds = LEGAL_GROUNDS;
  protected readonly modes = EXTRACT_ITEM_MODES;
  protected readonly formatDate = formatDate;
  protected readonly fieldIds = FIELD_IDS;
  protected readonly organisations = signal<TableOrganisation[] | null>(null);
  protected readonly organisationsFailed = signal(false);
  protected readonly candidates = signal<ExtractCandidatesDto | null>(null);
  protected readonly candidatesState = signal<'idle' | 'loading' | 'failed'>('idle');
  protected readonly choices = signal<Record<string, Choice>>({});
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly notice = signal<Notice | null>(null);
  /** Server problems of single items, by item id (`items[3]` of the request sent). */
  protected readonly itemErrors = signal<Record<string, string>>({});
  private candidatesCall?: Subscription;

  protected readonly form = inject(NonNullableFormBuilder).group({
    recipient: ['', Validators.required],
    purpose: ['', [Validators.required, Validators.maxLength(2000)]],
    legalGround: ['' as LegalGround | '', Validators.required],
    legalReference: ['', Validators.maxLength(1000)],
    expiresOn: [''],
  });
  protected readonly legalGround = toSignal(this.form.controls.legalGround.valueChanges, {
    initialValue: '',
  });
  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  /** Every organisation with a covenant status at the table except one's own (also one that declined). */
  protected readonly recipients = computed(() => {
    const own = this.session.organisation()?.id;
    return [...(this.organisations() ?? [])]
      .filter((o) => o.id !== own)
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  });

  protected readonly chosenCount = computed(
    () => Object.values(this.choices()).filter((c) => c.chosen).length,
  );

  /** Error translation key per field: the server's first, else what the form itself finds after a submit. */
  protected readonly errors = computed<Partial<Record<Field, string>>>(() => {
    this.values();
    const server = this.serverErrors();
    const result: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      const key = server[field] ?? (this.submitted() ? this.localError(field) : null);
      if (key) {
        result[field] = key;
      }
    }
    return result;
  });

  protected readonly summaryErrors = computed<SummaryError[]>(() => {
    this.lang();
    if (!this.submitted()) {
      return [];
    }
    const t = (key: string) => this.transloco.translate(key);
    const labels: Record<Field, string> = {
      recipient: t('extracts.compose.recipient'),
      items: t('extracts.compose.items'),
      purpose: t('extracts.compose.purpose'),
      legalGround: t('extracts.compose.legalGround'),
      legalReference: t('extracts.compose.legalReference'),
      expiresOn: t('extracts.compose.expiresOn'),
    };
    const errors = this.errors();
    const list: SummaryError[] = FIELDS.filter((f) => errors[f]).map((f) => ({
      fieldId: this.focusIdOf(f),
      label: labels[f],
      message: t(errors[f] as string),
    }));
    const titles = new Map((this.candidates()?.candidates ?? []).map((c) => [c.itemId, c.title]));
    for (const [itemId, key] of Object.entries(this.itemErrors())) {
      list.push({
        fieldId: `extract-item-${itemId}`,
        label: titles.get(itemId) ?? labels.items,
        message: t(key),
      });
    }
    return list;
  });

  ngOnInit(): void {
    this.casesApi
      .tableOrganisations(this.tableId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (organisations) => this.organisations.set(organisations),
        error: () => this.organisationsFailed.set(true),
      });
    const base = this.base();
    if (base) {
      this.form.setValue({
        recipient: base.recipient.id,
        purpose: base.purpose,
        legalGround: base.legalGround,
        legalReference: base.legalReference ?? '',
        expiresOn: base.expiresOn && base.expiresOn > todayInAmsterdam() ? base.expiresOn : '',
      });
      this.loadCandidates(base.recipient.id, base);
    }
    this.form.controls.recipient.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((id) => {
      this.loadCandidates(id, null);
    });
    afterNextRender(() => this.focus('extract-compose-heading'), { injector: this.injector });
  }

  protected modeOf(itemId: string): ExtractItemMode {
    return this.choices()[itemId]?.mode ?? 'FULL';
  }

  protected isChosen(itemId: string): boolean {
    return this.choices()[itemId]?.chosen ?? false;
  }

  protected toggle(candidate: ExtractCandidateDto, event: Event): void {
    const chosen = (event.target as HTMLInputElement).checked;
    this.choices.update((all) => ({
      ...all,
      [candidate.itemId]: { chosen, mode: all[candidate.itemId]?.mode ?? candidate.allowed },
    }));
    this.clearItemError(candidate.itemId);
  }

  protected setMode(candidate: ExtractCandidateDto, mode: ExtractItemMode): void {
    this.choices.update((all) => ({ ...all, [candidate.itemId]: { chosen: true, mode } }));
    this.clearItemError(candidate.itemId);
  }

  protected categoryLabel(candidate: ExtractCandidateDto): string {
    this.lang();
    return this.transloco.translate('extracts.compose.itemMeta', {
      category: this.transloco.translate(`domain.categories.${candidate.category}`),
      organisation: candidate.authorOrganisation.name,
      date: formatDate(candidate.createdAt),
    });
  }

  protected submit(): void {
    if (this.busy()) {
      return;
    }
    this.submitted.set(true);
    this.serverErrors.set({});
    this.itemErrors.set({});
    this.notice.set(null);
    if (FIELDS.some((f) => this.localError(f) !== null)) {
      afterNextRender(() => this.summary()?.focus(), { injector: this.injector });
      return;
    }
    const value = this.form.getRawValue();
    const offered = new Map((this.candidates()?.candidates ?? []).map((c) => [c.itemId, c]));
    const items = Object.entries(this.choices())
      .filter(([itemId, c]) => c.chosen && offered.has(itemId))
      .map(([itemId, c]) => ({
        itemId,
        mode: offered.get(itemId)?.allowed === 'FULL' ? c.mode : ('CATEGORY_SUMMARY' as ExtractItemMode),
      }));
    const request: CreateExtractRequest = {
      recipientOrganisationId: value.recipient,
      purpose: value.purpose.trim(),
      legalGround: value.legalGround as LegalGround,
      ...(value.legalReference.trim() ? { legalReference: value.legalReference.trim() } : {}),
      expiresOn: value.expiresOn || null,
      items,
      supersedesExtractId: this.base()?.id ?? null,
    };
    this.busy.set(true);
    this.api
      .create(this.caseId(), request)
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (extract) => this.created.emit(extract),
        error: (error: unknown) => this.showFailure(error, items),
      });
  }

  protected cancel(): void {
    this.cancelled.emit();
  }

  private showFailure(error: unknown, sent: Array<{ itemId: string }>): void {
    const fields = fieldErrorsOf(error);
    const own: Record<string, string> = {};
    const items: Record<string, string> = {};
    const other: string[] = [];
    for (const [field, key] of Object.entries(fields)) {
      const item = /^items\[(\d+)\]$/.exec(field);
      const itemId = item ? sent[Number(item[1])]?.itemId : undefined;
      if (itemId) {
        items[itemId] = key;
      } else if (SERVER_FIELDS[field]) {
        own[SERVER_FIELDS[field]] ??= key;
      } else {
        other.push(key);
      }
    }
    if (Object.keys(fields).length > 0) {
      this.serverErrors.set(own);
      this.itemErrors.set(items);
      if (other.length > 0) {
        this.notice.set({ type: 'error', key: 'extracts.errors.invalid', details: [...new Set(other)] });
      }
      afterNextRender(() => this.summary()?.focus() ?? this.noticeView()?.focus(), {
        injector: this.injector,
      });
      return;
    }
    this.notice.set(extractFailure(error));
    afterNextRender(() => this.noticeView()?.focus(), { injector: this.injector });
  }

  private loadCandidates(recipientId: string, base: ExtractDto | null): void {
    this.candidatesCall?.unsubscribe();
    this.candidates.set(null);
    this.choices.set({});
    this.itemErrors.set({});
    if (!recipientId) {
      this.candidatesState.set('idle');
      return;
    }
    this.candidatesState.set('loading');
    this.candidatesCall = this.api
      .candidates(this.caseId(), recipientId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (candidates) => {
          this.candidates.set(candidates);
          this.candidatesState.set('idle');
          if (base) {
            // The old version's choices, as far as they may still go to this recipient.
            const allowed = new Map(candidates.candidates.map((c) => [c.itemId, c.allowed]));
            const choices: Record<string, Choice> = {};
            for (const item of base.items) {
              const may = allowed.get(item.itemId);
              if (may) {
                choices[item.itemId] = {
                  chosen: true,
                  mode: may === 'FULL' ? item.mode : 'CATEGORY_SUMMARY',
                };
              }
            }
            this.choices.set(choices);
          }
        },
        error: () => this.candidatesState.set('failed'),
      });
  }

  private clearItemError(itemId: string): void {
    const without = (all: Record<string, string>, key: string) =>
      Object.fromEntries(Object.entries(all).filter(([k]) => k !== key));
    if (this.itemErrors()[itemId]) {
      this.itemErrors.update((all) => without(all, itemId));
    }
    if (this.serverErrors()['items']) {
      this.serverErrors.update((all) => without(all, 'items'));
    }
  }

  private localError(field: Field): string | null {
    const value = this.form.getRawValue();
    switch (field) {
      case 'recipient':
        return value.recipient ? null : 'extracts.fieldErrors.choose';
      case 'items':
        return value.recipient && this.chosenCount() === 0 ? 'extracts.fieldErrors.nothingChosen' : null;
      case 'purpose':
        return value.purpose.trim() === ''
          ? 'extracts.fieldErrors.required'
          : value.purpose.length > 2000
            ? 'extracts.fieldErrors.maxLength'
            : null;
      case 'legalGround':
        return value.legalGround ? null : 'extracts.fieldErrors.choose';
      case 'legalReference':
        return value.legalGround === 'OTHER' && value.legalReference.trim() === ''
          ? 'extracts.fieldErrors.referenceRequired'
          : null;
      case 'expiresOn':
        if (!value.expiresOn) {
          return null;
        }
        return !/^\d{4}-\d{2}-\d{2}$/.test(value.expiresOn)
          ? 'extracts.fieldErrors.isIsoDate'
          : value.expiresOn <= todayInAmsterdam()
            ? 'extracts.fieldErrors.notInTheFuture'
            : null;
    }
  }

  /** Where a field's problem sends the focus: the control, or the first item's checkbox. */
  private focusIdOf(field: Field): string {
    if (field === 'items') {
      const first = this.candidates()?.candidates[0];
      return first ? `extract-item-${first.itemId}` : FIELD_IDS.recipient;
    }
    return FIELD_IDS[field];
  }

  private focus(id: string): void {
    this.host.nativeElement.querySelector<HTMLElement>(`[id="${id}"]`)?.focus();
  }
}
