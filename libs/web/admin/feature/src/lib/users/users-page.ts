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
  FormControl,
  FormRecord,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  TABLE_ROLES,
  type AdminUserDto,
  type CaseTableSummaryDto,
  type OrganisationDto,
  type TableRole,
  type TableRoleAssignment,
  type TemporaryPasswordResponse,
} from '@casustafel/shared/contracts';
import { AdminApi, type AdminUserAction } from '@casustafel/web/admin/data-access';
import { SessionStore } from '@casustafel/web/auth/data-access';
import { Alert, FormField, Textbox, UtrechtLazyStyles } from '@casustafel/web/shared/ui';
import { Observable, finalize, forkJoin } from 'rxjs';
import { AdminNotice, type Notice } from '../shared/admin-notice';
import { CheckboxGroup } from '../shared/checkbox-group';
import { byName } from '../shared/format';
import { failureKind, genericFailure, splitFieldErrors } from '../shared/server-errors';

type Mode = { kind: 'create' } | { kind: 'edit'; user: AdminUserDto } | null;
type TextField = 'email' | 'displayName' | 'organisationId';

const FIELD_IDS: Record<TextField, string> = {
  email: 'user-email',
  displayName: 'user-name',
  organisationId: 'user-organisation',
};

/** A temporary password, shown once: after creating an account or resetting its password. */
interface ShownPassword {
  userId: string;
  name: string;
  password: string;
  reason: 'created' | 'passwordReset';
}

/**
 * Beheer, users: the accounts of the region with their roles at the tables this beheerder
 * administers; create, edit name and roles, and the account actions (deactivate, reset the second
 * factor or password, unlock, end sessions). A temporary password is shown once, with the
 * instruction to hand it over by phone or in person.
 */
@Component({
  selector: 'cst-users-page',
  imports: [
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
  templateUrl: './users-page.html',
  styleUrl: '../shared/admin-page.scss',
})
export class UsersPage implements OnInit {
  private readonly api = inject(AdminApi);
  private readonly session = inject(SessionStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly noticeView = viewChild(AdminNotice);

  protected readonly roleOptions = TABLE_ROLES;
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly users = signal<AdminUserDto[]>([]);
  protected readonly tables = signal<CaseTableSummaryDto[]>([]);
  protected readonly organisations = signal<OrganisationDto[]>([]);
  protected readonly activeOrganisations = computed(() => this.organisations().filter((o) => o.active));
  protected readonly ownId = computed(() => this.session.user()?.id ?? null);

  protected readonly mode = signal<Mode>(null);
  protected readonly notice = signal<Notice | null>(null);
  protected readonly shownPassword = signal<ShownPassword | null>(null);
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  /** Translation key per field the server rejected; `roles.<tableId>` for a table's roles. */
  protected readonly serverErrors = signal<Record<string, string>>({});
  private pending = false;

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    displayName: ['', [Validators.required, Validators.maxLength(200)]],
    organisationId: ['', Validators.required],
    roles: new FormRecord<FormControl<TableRole[]>>({}),
  });

  ngOnInit(): void {
    forkJoin({ users: this.api.users(), tables: this.api.tables(), organisations: this.api.organisations() })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ users, tables, organisations }) => {
          this.tables.set(tables.map(({ id, name, theme, active }) => ({ id, name, theme, active })));
          for (const table of tables) {
            this.form.controls.roles.setControl(
              table.id,
              new FormControl<TableRole[]>([], { nonNullable: true }),
            );
          }
          this.organisations.set(organisations);
          this.users.set(users);
          this.state.set('ready');
        },
        error: () => this.state.set('failed'),
      });
  }

  // --- the table ---------------------------------------------------------------------------------

  /** The user's roles grouped per table, in the order of the tables. */
  protected rolesOf(user: AdminUserDto): Array<{ table: string; roles: TableRole[] }> {
    const known = this.tables().map((t) => ({
      table: t.name,
      roles: TABLE_ROLES.filter((role) => user.roles.some((r) => r.tableId === t.id && r.role === role)),
    }));
    return known.filter((group) => group.roles.length > 0);
  }

  protected act(user: AdminUserDto, action: AdminUserAction): void {
    if (this.pending) {
      return;
    }
    this.pending = true;
    this.notice.set(null);
    this.api
      .userAction(user.id, action)
      .pipe(
        finalize(() => (this.pending = false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => {
          this.upsert(updated);
          this.show({ type: 'ok', key: `admin.users.done.${action}`, params: { name: updated.displayName } });
        },
        error: (error: unknown) => {
          const kind = failureKind(error);
          if (kind === 'conflict' && action === 'deactivate') {
            this.show({ type: 'error', key: 'admin.errors.selfDeactivate' });
          } else {
            this.failed(error);
          }
        },
      });
  }

  protected resetPassword(user: AdminUserDto): void {
    if (this.pending) {
      return;
    }
    this.pending = true;
    this.notice.set(null);
    this.api
      .resetPassword(user.id)
      .pipe(
        finalize(() => (this.pending = false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (result) => {
          this.upsert(result.user);
          this.showPassword(result, 'passwordReset');
        },
        error: (error: unknown) => this.failed(error),
      });
  }

  /** The beheerder has handed the password over: hide it for good. */
  protected dismissPassword(): void {
    const shown = this.shownPassword();
    this.shownPassword.set(null);
    this.focusId(shown?.reason === 'passwordReset' ? `user-${shown.userId}-reset-password` : 'users-new');
  }

  // --- the form ----------------------------------------------------------------------------------

  protected openCreate(): void {
    this.mode.set({ kind: 'create' });
    this.resetForm();
    this.form.controls.email.enable();
    this.form.controls.organisationId.enable();
    this.focusId('user-form-heading');
  }

  protected openEdit(user: AdminUserDto): void {
    this.mode.set({ kind: 'edit', user });
    this.resetForm(user);
    this.form.controls.email.disable();
    this.form.controls.organisationId.disable();
    this.focusId('user-form-heading');
  }

  protected cancel(): void {
    const mode = this.mode();
    this.mode.set(null);
    this.resetForm();
    this.focusId(mode?.kind === 'edit' ? `user-${mode.user.id}-edit` : 'users-new');
  }

  protected errorKey(field: TextField): string | null {
    const server = this.serverErrors()[field];
    if (server) {
      return server;
    }
    const control = this.form.controls[field];
    if (!this.submitted() || control.disabled || !control.errors) {
      return null;
    }
    if (control.hasError('required')) {
      return field === 'organisationId' ? 'admin.fieldErrors.choose' : 'admin.fieldErrors.required';
    }
    if (control.hasError('email')) {
      return 'admin.fieldErrors.email';
    }
    return 'admin.fieldErrors.maxLength';
  }

  protected rolesErrorKey(tableId: string): string | null {
    const errors = this.serverErrors();
    const first = this.tables()[0]?.id;
    return errors[`roles.${tableId}`] ?? (tableId === first ? (errors['roles'] ?? null) : null);
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
    const roles = this.selectedRoles();
    const { email, displayName, organisationId } = this.form.getRawValue();
    const request: Observable<TemporaryPasswordResponse | AdminUserDto> =
      mode.kind === 'create'
        ? this.api.createUser({ email: email.trim(), displayName: displayName.trim(), organisationId, roles })
        : this.api.updateUser(mode.user.id, {
            displayName: displayName.trim(),
            roles,
            version: mode.user.version,
          });
    request
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (result: TemporaryPasswordResponse | AdminUserDto) => {
          this.mode.set(null);
          this.resetForm();
          if ('temporaryPassword' in result) {
            this.upsert(result.user);
            this.showPassword(result, 'created');
          } else {
            this.upsert(result);
            this.show({ type: 'ok', key: 'admin.users.done.updated', params: { name: result.displayName } });
          }
        },
        error: (error: unknown) => this.formFailed(error, mode, roles),
      });
  }

  private formFailed(error: unknown, mode: NonNullable<Mode>, roles: TableRoleAssignment[]): void {
    const kind = failureKind(error);
    if (kind === 'invalid') {
      const { fields, other } = splitFieldErrors(error, (field) => this.fieldOf(field, mode, roles));
      this.serverErrors.set(fields);
      if (other.length > 0) {
        this.notice.set({ type: 'error', key: 'admin.errors.invalid', details: other });
      }
      if (Object.keys(fields).length > 0) {
        this.focusFirstInvalid();
      } else {
        this.focusNotice();
      }
    } else if (kind === 'conflict' && mode.kind === 'create') {
      // The only conflict when creating: the e-mail address is taken.
      this.serverErrors.set({ email: 'admin.errors.duplicateEmail' });
      this.focusFirstInvalid();
    } else if (kind === 'conflict' && mode.kind === 'edit') {
      this.show({ type: 'error', key: 'admin.errors.conflict' });
      const id = mode.user.id;
      this.reloadUsers(() => {
        const fresh = this.users().find((u) => u.id === id);
        if (fresh) {
          this.mode.set({ kind: 'edit', user: fresh });
          this.resetForm(fresh);
        } else {
          this.mode.set(null);
        }
      });
    } else {
      this.failed(error);
    }
  }

  /** The form field of an API field path; `roles[i].x` is the group of the table of role i. */
  private fieldOf(field: string, mode: NonNullable<Mode>, roles: TableRoleAssignment[]): string | null {
    if (field === 'displayName') {
      return field;
    }
    if (field === 'email' || field === 'organisationId') {
      return mode.kind === 'create' ? field : null;
    }
    const match = /^roles(?:\[(\d+)\])?/.exec(field);
    if (!match) {
      return null;
    }
    const tableId = match[1] === undefined ? undefined : roles[Number(match[1])]?.tableId;
    return tableId && this.tables().some((t) => t.id === tableId) ? `roles.${tableId}` : 'roles';
  }

  private failed(error: unknown): void {
    switch (failureKind(error)) {
      case 'notFound':
        this.mode.set(null);
        this.show({ type: 'error', key: 'admin.errors.notFound' });
        this.reloadUsers();
        return;
      case 'conflict':
        this.show({ type: 'error', key: 'admin.errors.conflict' });
        this.reloadUsers();
        return;
      default:
        this.show(genericFailure(error));
    }
  }

  // --- helpers -----------------------------------------------------------------------------------

  private selectedRoles(): TableRoleAssignment[] {
    const byTable = this.form.controls.roles.getRawValue();
    return this.tables().flatMap((t) => (byTable[t.id] ?? []).map((role) => ({ tableId: t.id, role })));
  }

  private resetForm(user?: AdminUserDto): void {
    this.submitted.set(false);
    this.serverErrors.set({});
    this.form.reset();
    if (user) {
      this.form.patchValue({
        email: user.email,
        displayName: user.displayName,
        organisationId: user.organisationId,
      });
    }
    for (const table of this.tables()) {
      this.form.controls.roles.controls[table.id]?.setValue(
        user
          ? TABLE_ROLES.filter((role) => user.roles.some((r) => r.tableId === table.id && r.role === role))
          : [],
      );
    }
  }

  private upsert(user: AdminUserDto): void {
    const byOrganisation = byName<AdminUserDto>((u) => u.organisationName);
    const byDisplayName = byName<AdminUserDto>((u) => u.displayName);
    this.users.update((users) =>
      [...users.filter((u) => u.id !== user.id), user].sort(
        (a, b) => byOrganisation(a, b) || byDisplayName(a, b),
      ),
    );
  }

  private reloadUsers(then?: () => void): void {
    this.api
      .users()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (users) => {
          this.users.set(users);
          then?.();
        },
        error: () => undefined,
      });
  }

  private showPassword(result: TemporaryPasswordResponse, reason: ShownPassword['reason']): void {
    this.notice.set(null);
    this.shownPassword.set({
      userId: result.user.id,
      name: result.user.displayName,
      password: result.temporaryPassword,
      reason,
    });
    this.focusId('temporary-password-heading');
  }

  private show(notice: Notice): void {
    this.notice.set(notice);
    this.focusNotice();
  }

  private focusNotice(): void {
    afterNextRender(() => this.noticeView()?.focus(), { injector: this.injector });
  }

  private focusFirstInvalid(): void {
    const fields: TextField[] = ['email', 'displayName', 'organisationId'];
    const text = fields.find((f) => this.form.controls[f].enabled && this.errorKey(f) !== null);
    if (text) {
      this.focusId(FIELD_IDS[text]);
      return;
    }
    const table = this.tables().find((t) => this.rolesErrorKey(t.id) !== null);
    if (table) {
      this.focusId(`user-roles-${table.id}-${TABLE_ROLES[0]}`);
    }
  }

  private focusId(id: string): void {
    // After rendering: the element may only now exist, and error texts must be linked first.
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[id="${id}"]`)?.focus(), {
      injector: this.injector,
    });
  }
}
