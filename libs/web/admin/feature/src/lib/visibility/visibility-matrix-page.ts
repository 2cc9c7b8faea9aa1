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
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  DATA_CATEGORIES,
  PARTNER_TYPES,
  VISIBILITY_LEVELS,
  type PartnerType,
  type VisibilityLevel,
  type VisibilityMatrixDto,
  type VisibilityMatrixHistoryEntry,
} from '@casustafel/shared/contracts';
import { SessionStore } from '@casustafel/web/auth/data-access';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { Alert, FormField, Textbox, UtrechtLazyStyles } from '@casustafel/web/shared/ui';
import { finalize, forkJoin } from 'rxjs';
import { AdminNotice, type Notice } from '../shared/admin-notice';
import { CheckboxGroup } from '../shared/checkbox-group';
import { formatDateTime } from '../shared/format';
import { failureKind, genericFailure, splitFieldErrors } from '../shared/server-errors';
import {
  CELLS,
  type CellKey,
  type Levels,
  cellKey,
  changedCells,
  levelsOf,
  matrixRequest,
  sameTypes,
} from './matrix-draft';

const REASON_ID = 'visibility-reason';
const REASON_MAX = 1000;

/** Whitespace alone is no reason (the API refuses it too). */
function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}

/**
 * Beheer, the visibility matrix of one case table (DOMAIN.md b.4): per partner type and data
 * category what organisations of that type see by default — full, summary, own only, none — and
 * the embargo whitelist. One partner type is edited at a time (15 selects: short on a phone, few
 * tab stops); a read-only overview of all 240 cells shows the draft, changed cells marked. Saving
 * needs a reason and the version read; every save is a new version, listed in the history. The
 * table's four-eyes setting for need-to-know extracts (issue 7) is saved with it. A stale
 * version (409) is explained; reloading discards the draft.
 */
@Component({
  selector: 'cst-visibility-matrix-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    Alert,
    FormField,
    Textbox,
    UtrechtLazyStyles,
    AdminNotice,
    CheckboxGroup,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './visibility-matrix-page.html',
  styleUrls: ['../shared/admin-page.scss', './visibility-matrix-page.scss'],
})
export class VisibilityMatrixPage implements OnInit {
  /** From the route (`tafels/:tableId/zichtbaarheid`). */
  readonly tableId = input.required<string>();

  private readonly api = inject(CasesApi);
  private readonly session = inject(SessionStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly noticeView = viewChild(AdminNotice);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly partnerTypes = PARTNER_TYPES;
  protected readonly categories = DATA_CATEGORIES;
  protected readonly levels = VISIBILITY_LEVELS;
  protected readonly reasonId = REASON_ID;
  protected readonly reasonMax = REASON_MAX;
  protected readonly formatDateTime = formatDateTime;
  protected readonly cellKey = cellKey;

  protected readonly state = signal<'loading' | 'ready' | 'failed' | 'notFound'>('loading');
  protected readonly saved = signal<VisibilityMatrixDto | null>(null);
  protected readonly history = signal<VisibilityMatrixHistoryEntry[]>([]);
  protected readonly notice = signal<Notice | null>(null);
  /** A save met a newer version: the draft cannot be saved any more, only discarded. */
  protected readonly stale = signal(false);
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly serverReasonError = signal<string | null>(null);

  protected readonly tableName = computed(
    () => this.session.session()?.roles.find((role) => role.tableId === this.tableId())?.tableName ?? null,
  );

  protected readonly form = this.fb.group({
    cells: this.fb.record<VisibilityLevel>(
      Object.fromEntries(CELLS.map((cell) => [cell.key, 'NONE' as VisibilityLevel])) as Levels,
    ),
    embargo: this.fb.control<PartnerType[]>([]),
    /** Four eyes for need-to-know extracts (issue 7): a second manager approves each one. */
    extractFourEyes: this.fb.control(true),
    reason: ['', [Validators.required, notBlank, Validators.maxLength(REASON_MAX)]],
  });

  /** The partner type whose row is being edited (the other rows keep their draft). */
  protected readonly editing = signal<PartnerType>(PARTNER_TYPES[0]);

  /** The draft as signals, so that the marks and counts follow every change. */
  protected readonly draft = signal<Partial<Levels>>({});
  private readonly draftEmbargo = signal<readonly PartnerType[]>([]);
  private readonly draftFourEyes = signal(true);

  protected readonly savedLevels = computed(() => {
    const saved = this.saved();
    return saved ? levelsOf(saved) : null;
  });
  protected readonly changed = computed(() => {
    const saved = this.savedLevels();
    return new Set<CellKey>(saved ? changedCells(saved, this.draft()) : []);
  });
  protected readonly changesPerType = computed(() => {
    const counts = Object.fromEntries(PARTNER_TYPES.map((type) => [type, 0])) as Record<PartnerType, number>;
    for (const key of this.changed()) {
      counts[key.slice(key.indexOf(':') + 1) as PartnerType] += 1;
    }
    return counts;
  });
  protected readonly embargoChanged = computed(() => {
    const saved = this.saved();
    return saved !== null && !sameTypes(saved.embargoPartnerTypes, this.draftEmbargo());
  });
  /** Only when the server says how it is now (an older server leaves it out). */
  protected readonly fourEyesChanged = computed(() => {
    const saved = this.saved()?.extractFourEyes;
    return saved !== undefined && saved !== this.draftFourEyes();
  });
  protected readonly dirty = computed(
    () => this.changed().size > 0 || this.embargoChanged() || this.fourEyesChanged(),
  );

  constructor() {
    this.form.controls.cells.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.draft.set({ ...this.form.controls.cells.getRawValue() }));
    this.form.controls.embargo.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((embargo) => this.draftEmbargo.set(embargo));
    this.form.controls.extractFourEyes.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((fourEyes) => this.draftFourEyes.set(fourEyes));
  }

  ngOnInit(): void {
    this.load();
  }

  protected cellId(category: string, partnerType: string): string {
    return `cell-${category}-${partnerType}`;
  }

  protected choosePartner(event: Event): void {
    this.editing.set((event.target as HTMLSelectElement).value as PartnerType);
  }

  /** From the overview: that partner type's row in the editor, with focus on its selector. */
  protected edit(partnerType: PartnerType): void {
    this.editing.set(partnerType);
    this.focusId('visibility-partner');
  }

  protected reasonError(): string | null {
    const server = this.serverReasonError();
    if (server) {
      return server;
    }
    if (!this.submitted()) {
      return null;
    }
    const reason = this.form.controls.reason;
    if (reason.hasError('required')) {
      return 'admin.visibility.reasonRequired';
    }
    return reason.hasError('maxlength') ? 'admin.visibility.reasonTooLong' : null;
  }

  /** Back to the saved matrix; the reason stays. */
  protected undo(): void {
    const saved = this.saved();
    if (saved) {
      this.fill(saved, { keepReason: true });
    }
  }

  protected submit(): void {
    const saved = this.saved();
    if (!saved || this.stale()) {
      return;
    }
    this.submitted.set(true);
    this.serverReasonError.set(null);
    this.notice.set(null);
    if (!this.dirty()) {
      this.show({ type: 'error', key: 'admin.visibility.nothingChanged' });
      return;
    }
    if (this.form.controls.reason.invalid) {
      this.focusId(REASON_ID);
      return;
    }
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    const { cells, embargo, reason, extractFourEyes } = this.form.getRawValue();
    const request = {
      ...matrixRequest(saved.version, cells as Levels, embargo, reason),
      ...(saved.extractFourEyes !== undefined ? { extractFourEyes } : {}),
    };
    this.api
      .putVisibilityMatrix(this.tableId(), request)
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (matrix) => {
          this.fill(matrix, { keepReason: false });
          this.show({
            type: 'ok',
            key: 'admin.visibility.saved',
            params: { version: String(matrix.version) },
          });
          this.loadHistory();
        },
        error: (error: unknown) => this.failed(error),
      });
  }

  /** After a conflict: the current matrix from the server; the draft's cells are discarded. */
  protected reload(): void {
    this.load(() => {
      this.show({
        type: 'ok',
        key: 'admin.visibility.reloaded',
        params: { version: String(this.saved()?.version ?? '') },
      });
    });
  }

  private load(then?: () => void): void {
    forkJoin({
      matrix: this.api.visibilityMatrix(this.tableId()),
      history: this.api.visibilityHistory(this.tableId()),
    })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ matrix, history }) => {
          this.fill(matrix, { keepReason: true });
          this.history.set(history);
          this.stale.set(false);
          this.state.set('ready');
          then?.();
        },
        error: (error: unknown) => this.state.set(failureKind(error) === 'notFound' ? 'notFound' : 'failed'),
      });
  }

  private loadHistory(): void {
    this.api
      .visibilityHistory(this.tableId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      // The save itself succeeded; a history that does not load now shows on the next visit.
      .subscribe({ next: (history) => this.history.set(history), error: () => undefined });
  }

  private failed(error: unknown): void {
    switch (failureKind(error)) {
      case 'invalid': {
        const { fields, other } = splitFieldErrors(error, (field) => (field === 'reason' ? 'reason' : null));
        const notice: Notice = { type: 'error', key: 'admin.errors.invalid', details: other };
        if (fields['reason']) {
          // The field the user can fix gets focus; the rest is listed in the alert.
          this.serverReasonError.set('admin.visibility.reasonInvalid');
          this.notice.set(other.length > 0 ? notice : null);
          this.focusId(REASON_ID);
        } else {
          this.show(notice);
        }
        return;
      }
      case 'conflict':
        // Not reloaded at once: that would throw away the draft before the user has read why.
        this.stale.set(true);
        this.focusId('visibility-conflict');
        return;
      case 'notFound':
        this.show({ type: 'error', key: 'admin.visibility.notFound' });
        return;
      default:
        this.show(genericFailure(error));
    }
  }

  private fill(matrix: VisibilityMatrixDto, options: { keepReason: boolean }): void {
    this.saved.set(matrix);
    this.form.controls.cells.setValue(levelsOf(matrix));
    this.form.controls.embargo.setValue([...matrix.embargoPartnerTypes]);
    this.form.controls.extractFourEyes.setValue(matrix.extractFourEyes ?? true);
    if (!options.keepReason) {
      this.form.controls.reason.reset();
      this.submitted.set(false);
    }
  }

  private show(notice: Notice): void {
    this.notice.set(notice);
    afterNextRender(() => this.noticeView()?.focus(), { injector: this.injector });
  }

  private focusId(id: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[id="${id}"]`)?.focus(), {
      injector: this.injector,
    });
  }
}
