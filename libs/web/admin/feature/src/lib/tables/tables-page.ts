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
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  MEMBERSHIP_STATUSES,
  type CaseTableAdminDto,
  type MembershipStatus,
  type OrganisationDto,
  type PutMembershipRequest,
  type TableMembershipDto,
} from '@casustafel/shared/contracts';
import { AdminApi } from '@casustafel/web/admin/data-access';
import { SessionStore } from '@casustafel/web/auth/data-access';
import { Alert, FormField, Textbox, UtrechtLazyStyles } from '@casustafel/web/shared/ui';
import { finalize, forkJoin } from 'rxjs';
import { AdminNotice, type Notice } from '../shared/admin-notice';
import { byName, formatDate } from '../shared/format';
import { failureKind, genericFailure, splitFieldErrors } from '../shared/server-errors';

type Field = 'organisationId' | 'status' | 'since' | 'until' | 'documentRef';

const FIELDS: readonly Field[] = ['organisationId', 'status', 'since', 'until', 'documentRef'];
const FIELD_IDS: Record<Field, string> = {
  organisationId: 'membership-organisation',
  status: 'membership-status',
  since: 'membership-since',
  until: 'membership-until',
  documentRef: 'membership-document',
};

/** Which table's form is open, and which button opened it (focus goes back there). */
interface Editor {
  tableId: string;
  trigger: string;
}

const STATUS_BADGES: Record<MembershipStatus, string> = {
  SIGNATORY: 'utrecht-status-badge--valid',
  GUEST: 'cst-admin__badge--guest',
  DECLINED: 'utrecht-status-badge--invalid',
  WITHDRAWN: 'utrecht-status-badge--inactive',
};

/**
 * Beheer, case tables: per table the covenant status of the organisations (signatory, guest,
 * declined, withdrawn) with dates and the document it rests on; set or change it per organisation.
 */
@Component({
  selector: 'cst-tables-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    Alert,
    FormField,
    Textbox,
    UtrechtLazyStyles,
    AdminNotice,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tables-page.html',
  styleUrl: '../shared/admin-page.scss',
})
export class TablesPage implements OnInit {
  private readonly api = inject(AdminApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly noticeView = viewChild(AdminNotice);
  private readonly session = inject(SessionStore);

  protected readonly statuses = MEMBERSHIP_STATUSES;
  protected readonly badges = STATUS_BADGES;
  protected readonly formatDate = formatDate;
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly tables = signal<CaseTableAdminDto[]>([]);
  protected readonly organisations = signal<OrganisationDto[]>([]);
  protected readonly editor = signal<Editor | null>(null);
  protected readonly editorTable = computed(() => this.tables().find((t) => t.id === this.editor()?.tableId));
  protected readonly notice = signal<Notice | null>(null);
  /** Tables whose visibility matrix the user may set: the permission, and beheerder at that table. */
  protected readonly configurable = computed(() => {
    const session = this.session.session();
    return new Set(
      session?.permissions.includes('tables.configure')
        ? session.roles.filter((r) => r.role === 'BEHEERDER').map((r) => r.tableId)
        : [],
    );
  });
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});

  protected readonly form = inject(NonNullableFormBuilder).group({
    organisationId: ['', Validators.required],
    status: ['' as MembershipStatus | '', Validators.required],
    since: ['', Validators.required],
    until: [''],
    documentRef: ['', Validators.maxLength(300)],
  });

  constructor() {
    // Choosing an organisation that already has a status here shows that status, to change it.
    this.form.controls.organisationId.valueChanges.pipe(takeUntilDestroyed()).subscribe((organisationId) => {
      const membership = this.membershipOf(this.editor()?.tableId, organisationId);
      if (membership) {
        this.fill(membership);
      }
    });
  }

  ngOnInit(): void {
    forkJoin({ tables: this.api.tables(), organisations: this.api.organisations() })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ tables, organisations }) => {
          this.tables.set(tables);
          this.organisations.set(organisations);
          this.state.set('ready');
        },
        error: () => this.state.set('failed'),
      });
  }

  protected open(table: CaseTableAdminDto, membership?: TableMembershipDto): void {
    this.notice.set(null);
    this.submitted.set(false);
    this.serverErrors.set({});
    this.form.reset();
    this.editor.set({
      tableId: table.id,
      trigger: membership
        ? `membership-${table.id}-${membership.organisationId}-change`
        : `table-${table.id}-open`,
    });
    if (membership) {
      this.form.controls.organisationId.setValue(membership.organisationId);
    }
    this.focusId('membership-form-heading');
  }

  protected cancel(): void {
    const editor = this.editor();
    this.editor.set(null);
    this.form.reset();
    if (editor) {
      this.focusId(editor.trigger);
    }
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
    if (control.hasError('required')) {
      return field === 'organisationId' || field === 'status'
        ? 'admin.fieldErrors.choose'
        : 'admin.fieldErrors.required';
    }
    if (control.hasError('maxlength')) {
      return 'admin.fieldErrors.maxLength';
    }
    return field === 'until' && this.untilBeforeSince() ? 'admin.fieldErrors.untilBeforeSince' : null;
  }

  protected submit(): void {
    const editor = this.editor();
    const table = this.editorTable();
    if (!editor || !table) {
      return;
    }
    this.submitted.set(true);
    this.serverErrors.set({});
    this.notice.set(null);
    if (this.form.invalid || this.untilBeforeSince()) {
      this.focusFirstInvalid();
      return;
    }
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    const { organisationId, status, since, until, documentRef } = this.form.getRawValue();
    const existing = this.membershipOf(table.id, organisationId);
    const request: PutMembershipRequest = {
      status: status as MembershipStatus,
      since,
      until: until || null,
      documentRef: documentRef.trim(),
      ...(existing ? { version: existing.version } : {}),
    };
    this.api
      .putMembership(table.id, organisationId, request)
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (membership) => {
          this.tables.update((tables) =>
            tables.map((t) =>
              t.id === table.id
                ? {
                    ...t,
                    memberships: [
                      ...t.memberships.filter((m) => m.organisationId !== membership.organisationId),
                      membership,
                    ].sort(byName((m) => m.organisationName)),
                  }
                : t,
            ),
          );
          this.editor.set(null);
          this.form.reset();
          this.show({
            type: 'ok',
            key: 'admin.tables.done.saved',
            params: { organisation: membership.organisationName, table: table.name },
          });
        },
        error: (error: unknown) => this.failed(error, table.id, organisationId),
      });
  }

  private failed(error: unknown, tableId: string, organisationId: string): void {
    switch (failureKind(error)) {
      case 'invalid': {
        const { fields, other } = splitFieldErrors(error, (field) =>
          (FIELDS as readonly string[]).includes(field) ? field : null,
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
        return;
      }
      case 'conflict':
        // Someone else set a status first: show the current one, so it can be changed again.
        this.show({ type: 'error', key: 'admin.errors.conflict' });
        this.reload(() => {
          const fresh = this.membershipOf(tableId, organisationId);
          if (fresh && this.editor()?.tableId === tableId) {
            this.submitted.set(false);
            this.fill(fresh);
          }
        });
        return;
      case 'notFound':
        this.editor.set(null);
        this.show({ type: 'error', key: 'admin.errors.notFound' });
        this.reload();
        return;
      default:
        this.show(genericFailure(error));
    }
  }

  private untilBeforeSince(): boolean {
    const { since, until } = this.form.getRawValue();
    return since !== '' && until !== '' && until < since;
  }

  private membershipOf(tableId: string | undefined, organisationId: string): TableMembershipDto | undefined {
    return this.tables()
      .find((t) => t.id === tableId)
      ?.memberships.find((m) => m.organisationId === organisationId);
  }

  private fill(membership: TableMembershipDto): void {
    this.form.patchValue(
      {
        organisationId: membership.organisationId,
        status: membership.status,
        since: membership.since,
        until: membership.until ?? '',
        documentRef: membership.documentRef,
      },
      { emitEvent: false },
    );
  }

  private reload(then?: () => void): void {
    this.api
      .tables()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (tables) => {
          this.tables.set(tables);
          then?.();
        },
        error: () => undefined,
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
