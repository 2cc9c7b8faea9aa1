import { NgTemplateOutlet } from '@angular/common';
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
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  DATA_CATEGORIES,
  LEGAL_GROUNDS,
  PERSON_ROLES,
  type CaseTableAdminDto,
  type DataCategory,
  type LegalGround,
  type PersonRole,
  type ProcessingActivityDto,
  type ProcessingActivityRequest,
} from '@casustafel/shared/contracts';
import { AdminApi, RegisterApi } from '@casustafel/web/admin/data-access';
import { SessionStore } from '@casustafel/web/auth/data-access';
import { Alert, FormField, Textbox, UtrechtLazyStyles } from '@casustafel/web/shared/ui';
import { finalize } from 'rxjs';
import { AdminNotice, type Notice } from '../shared/admin-notice';
import { CheckboxGroup } from '../shared/checkbox-group';
import { byName, formatDateTime } from '../shared/format';
import { failureKind, fieldErrorKey, genericFailure, splitFieldErrors } from '../shared/server-errors';

type Mode = { kind: 'create' } | { kind: 'version'; activity: ProcessingActivityDto } | null;
type TextField = 'name' | 'purpose' | 'controllers' | 'retention';
type Field = 'tableId' | TextField | 'legalGrounds' | 'dataCategories' | 'subjectCategories';

/** In the order of the form, for focus on the first field in error. */
const FIELDS: readonly Field[] = [
  'tableId',
  'name',
  'purpose',
  'legalGrounds',
  'controllers',
  'dataCategories',
  'subjectCategories',
  'retention',
];
const TEXT_FIELDS: readonly string[] = ['name', 'purpose', 'controllers', 'retention'];
const FIELD_IDS: Record<Field, string> = {
  tableId: 'activity-table',
  name: 'activity-name',
  purpose: 'activity-purpose',
  controllers: 'activity-controllers',
  retention: 'activity-retention',
  legalGrounds: `activity-legal-grounds-${LEGAL_GROUNDS[0]}`,
  dataCategories: `activity-data-categories-${DATA_CATEGORIES[0]}`,
  subjectCategories: `activity-subject-categories-${PERSON_ROLES[0]}`,
};
/** The longest texts the API accepts. */
const MAX_LENGTHS: Record<TextField, number> = {
  name: 200,
  purpose: 4000,
  controllers: 2000,
  retention: 1000,
};

/** Required, and more than spaces (the API says `isNotBlank`). */
function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}

/**
 * The register of processing activities (verwerkingsregister, AVG art. 30): per activity in force
 * its purpose, legal grounds, controllers, categories and retention, with its earlier versions.
 * The beheerder of a table registers a new version of its activity (never an edit: a new
 * identifier) or adds an activity; the FG reads.
 */
@Component({
  selector: 'cst-register-page',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    TranslocoPipe,
    Alert,
    FormField,
    Textbox,
    UtrechtLazyStyles,
    AdminNotice,
    CheckboxGroup,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './register-page.html',
  styleUrls: ['../shared/admin-page.scss', './register-page.scss'],
})
export class RegisterPage implements OnInit {
  private readonly api = inject(RegisterApi);
  private readonly adminApi = inject(AdminApi);
  private readonly session = inject(SessionStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly noticeView = viewChild(AdminNotice);

  protected readonly legalGrounds = LEGAL_GROUNDS;
  protected readonly dataCategories = DATA_CATEGORIES;
  protected readonly personRoles = PERSON_ROLES;
  protected readonly maxLengths = MAX_LENGTHS;
  protected readonly formatDateTime = formatDateTime;
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly activities = signal<ProcessingActivityDto[]>([]);
  /** The tables the user administers, to choose from when adding an activity. */
  protected readonly tables = signal<CaseTableAdminDto[]>([]);
  protected readonly mode = signal<Mode>(null);
  protected readonly notice = signal<Notice | null>(null);
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});

  /** The versions in force, by name. */
  protected readonly current = computed(() =>
    this.activities()
      .filter((a) => a.validUntil === null)
      .sort(byName((a) => a.name)),
  );
  /** Per activity its ended versions, newest first. */
  protected readonly earlier = computed(() => {
    const byKey = new Map<string, ProcessingActivityDto[]>();
    for (const version of this.activities().filter((a) => a.validUntil !== null)) {
      byKey.set(version.activityKey, [...(byKey.get(version.activityKey) ?? []), version]);
    }
    for (const versions of byKey.values()) {
      versions.sort((a, b) => b.version - a.version);
    }
    return byKey;
  });
  /** May add activities: the permission to configure tables. */
  protected readonly canAdd = computed(
    () => this.session.session()?.permissions.includes('tables.configure') ?? false,
  );
  /** The tables whose activity the user may change: beheerder there, with the permission. */
  private readonly administered = computed(() => {
    const session = this.session.session();
    return new Set(
      session?.permissions.includes('tables.configure')
        ? session.roles.filter((r) => r.role === 'BEHEERDER').map((r) => r.tableId)
        : [],
    );
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    tableId: [''],
    name: ['', [notBlank, Validators.maxLength(MAX_LENGTHS.name)]],
    purpose: ['', [notBlank, Validators.maxLength(MAX_LENGTHS.purpose)]],
    legalGrounds: [[] as LegalGround[], Validators.required],
    controllers: ['', [notBlank, Validators.maxLength(MAX_LENGTHS.controllers)]],
    dataCategories: [[] as DataCategory[], Validators.required],
    subjectCategories: [[] as PersonRole[], Validators.required],
    retention: ['', [notBlank, Validators.maxLength(MAX_LENGTHS.retention)]],
  });

  ngOnInit(): void {
    this.reload(() => this.state.set('ready'), true);
    if (this.canAdd()) {
      // Only for the choice of table when adding; without it an activity can still be region-wide.
      this.adminApi
        .tables()
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe({ next: (tables) => this.tables.set(tables), error: () => undefined });
    }
  }

  /** Region-wide activities belong to every beheerder; a table's to the beheerder of that table. */
  protected canChange(activity: ProcessingActivityDto): boolean {
    const administered = this.administered();
    return activity.table ? administered.has(activity.table.id) : administered.size > 0;
  }

  protected openCreate(): void {
    this.notice.set(null);
    this.mode.set({ kind: 'create' });
    this.resetForm();
    this.focusId('activity-form-heading');
  }

  protected openVersion(activity: ProcessingActivityDto): void {
    this.notice.set(null);
    this.mode.set({ kind: 'version', activity });
    this.resetForm(activity);
    this.focusId('activity-form-heading');
  }

  protected cancel(): void {
    const mode = this.mode();
    this.mode.set(null);
    this.resetForm();
    this.focusId(mode?.kind === 'version' ? this.versionButtonId(mode.activity) : 'register-add');
  }

  /** Whether the form for a new version of this activity is open. */
  protected isEditing(activity: ProcessingActivityDto): boolean {
    const mode = this.mode();
    return mode?.kind === 'version' && mode.activity.activityKey === activity.activityKey;
  }

  protected versionButtonId(activity: ProcessingActivityDto): string {
    return `activity-${activity.activityKey}-new-version`;
  }

  protected errorKey(field: Field): string | null {
    const server = this.serverErrors()[field];
    if (server) {
      return server;
    }
    const control = this.form.controls[field];
    if (!this.submitted() || !control.errors) {
      return null;
    }
    if (control.hasError('maxlength')) {
      return `register.form.tooLong.${field}`;
    }
    return TEXT_FIELDS.includes(field) ? 'admin.fieldErrors.required' : 'admin.fieldErrors.arrayMinSize';
  }

  protected submit(): void {
    const mode = this.mode();
    if (!mode) {
      return;
    }
    this.submitted.set(true);
    this.serverErrors.set({});
    this.notice.set(null);
    if (this.form.invalid) {
      this.focusFirstInvalid();
      return;
    }
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    const { tableId, ...values } = this.form.getRawValue();
    const body: ProcessingActivityRequest = {
      ...values,
      name: values.name.trim(),
      purpose: values.purpose.trim(),
      controllers: values.controllers.trim(),
      retention: values.retention.trim(),
    };
    const request =
      mode.kind === 'create'
        ? this.api.create({ ...body, tableId: tableId || null })
        : this.api.newVersion(mode.activity.activityKey, { ...body, basedOn: mode.activity.id });
    request
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (saved) => {
          // The version it replaces ended when the new one began.
          this.activities.update((list) => [
            ...list.map((a) =>
              mode.kind === 'version' && a.id === mode.activity.id
                ? { ...a, validUntil: saved.validFrom }
                : a,
            ),
            saved,
          ]);
          this.mode.set(null);
          this.resetForm();
          this.show({
            type: 'ok',
            key: mode.kind === 'create' ? 'register.done.created' : 'register.done.version',
            params: { name: saved.name, id: saved.id, version: String(saved.version) },
          });
        },
        error: (error: unknown) => this.failed(error, mode),
      });
  }

  private failed(error: unknown, mode: NonNullable<Mode>): void {
    const kind = failureKind(error);
    if (kind === 'invalid') {
      const { fields, other } = splitFieldErrors(
        error,
        (field) => {
          const name = field.replace(/\[\d+\]$/, '');
          return (FIELDS as readonly string[]).includes(name) ? name : null;
        },
        (code, field) => (code === 'isLength' ? `register.form.tooLong.${field}` : fieldErrorKey(code)),
      );
      this.serverErrors.set(fields);
      if (other.length > 0) {
        this.notice.set({ type: 'error', key: 'admin.errors.invalid', details: other });
      }
      if (Object.keys(fields).length > 0) {
        this.focusFirstInvalid();
      } else {
        this.focusNotice();
      }
    } else if (kind === 'conflict' && mode.kind === 'version') {
      // Someone else registered a newer version: show that one, so the change can be made again.
      this.show({ type: 'error', key: 'register.conflict' });
      this.reload(() => {
        const fresh = this.current().find((a) => a.activityKey === mode.activity.activityKey);
        if (fresh && this.canChange(fresh)) {
          this.mode.set({ kind: 'version', activity: fresh });
          this.resetForm(fresh);
        } else {
          this.mode.set(null);
        }
      });
    } else if (kind === 'notFound') {
      this.mode.set(null);
      this.show({ type: 'error', key: 'admin.errors.notFound' });
      this.reload();
    } else {
      this.show(genericFailure(error));
    }
  }

  private resetForm(activity?: ProcessingActivityDto): void {
    this.submitted.set(false);
    this.serverErrors.set({});
    this.form.reset();
    if (activity) {
      this.form.setValue({
        tableId: activity.table?.id ?? '',
        name: activity.name,
        purpose: activity.purpose,
        legalGrounds: LEGAL_GROUNDS.filter((g) => activity.legalGrounds.includes(g)),
        controllers: activity.controllers,
        dataCategories: DATA_CATEGORIES.filter((c) => activity.dataCategories.includes(c)),
        subjectCategories: PERSON_ROLES.filter((r) => activity.subjectCategories.includes(r)),
        retention: activity.retention,
      });
    }
  }

  private reload(then?: () => void, initial = false): void {
    this.api
      .activities()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (activities) => {
          this.activities.set(activities);
          then?.();
        },
        error: () => {
          if (initial) {
            this.state.set('failed');
          }
        },
      });
  }

  private show(notice: Notice): void {
    this.notice.set(notice);
    this.focusNotice();
  }

  private focusNotice(): void {
    afterNextRender(() => this.noticeView()?.focus(), { injector: this.injector });
  }

  private focusFirstInvalid(): void {
    const field = FIELDS.find((f) => this.errorKey(f) !== null);
    if (field) {
      this.focusId(FIELD_IDS[field]);
    }
  }

  private focusId(id: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[id="${id}"]`)?.focus(), {
      injector: this.injector,
    });
  }
}
