import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  LEGAL_REGIMES,
  PARTNER_TYPES,
  type LegalRegime,
  type OrganisationDto,
  type PartnerType,
} from '@casustafel/shared/contracts';
import { AdminApi } from '@casustafel/web/admin/data-access';
import { Alert, FormField, Textbox, UtrechtLazyStyles } from '@casustafel/web/shared/ui';
import { finalize } from 'rxjs';
import { AdminNotice, type Notice } from '../shared/admin-notice';
import { CheckboxGroup } from '../shared/checkbox-group';
import { byName } from '../shared/format';
import { failureKind, genericFailure, isDuplicate, splitFieldErrors } from '../shared/server-errors';

type Mode = { kind: 'create' } | { kind: 'edit'; organisation: OrganisationDto } | null;
type Field = 'name' | 'partnerType' | 'legalRegimes';

const FIELD_IDS: Record<Field, string> = {
  name: 'organisation-name',
  partnerType: 'organisation-partner-type',
  legalRegimes: `organisation-legal-regimes-${LEGAL_REGIMES[0]}`,
};

/**
 * Beheer, organisations of the region: list, add, edit (name, partner type, legal regimes,
 * active). Changes carry the version read; a stale one is explained and the list reloaded.
 */
@Component({
  selector: 'cst-organisations-page',
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
  templateUrl: './organisations-page.html',
  styleUrl: '../shared/admin-page.scss',
})
export class OrganisationsPage implements OnInit {
  private readonly api = inject(AdminApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly noticeView = viewChild(AdminNotice);

  protected readonly partnerTypes = PARTNER_TYPES;
  protected readonly legalRegimes = LEGAL_REGIMES;
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly organisations = signal<OrganisationDto[]>([]);
  protected readonly mode = signal<Mode>(null);
  protected readonly notice = signal<Notice | null>(null);
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    partnerType: ['' as PartnerType | '', Validators.required],
    legalRegimes: [[] as LegalRegime[]],
    active: [true],
  });

  ngOnInit(): void {
    this.reload(() => this.state.set('ready'), true);
  }

  protected openCreate(): void {
    this.mode.set({ kind: 'create' });
    this.resetForm();
    this.focusId('organisation-form-heading');
  }

  protected openEdit(organisation: OrganisationDto): void {
    this.mode.set({ kind: 'edit', organisation });
    this.resetForm(organisation);
    this.focusId('organisation-form-heading');
  }

  protected cancel(): void {
    const mode = this.mode();
    this.mode.set(null);
    this.resetForm();
    this.focusId(mode?.kind === 'edit' ? `organisation-${mode.organisation.id}-edit` : 'organisations-new');
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
    if (control.hasError('required')) {
      return field === 'name' ? 'admin.fieldErrors.required' : 'admin.fieldErrors.choose';
    }
    return 'admin.fieldErrors.maxLength';
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
    const { name, partnerType, legalRegimes, active } = this.form.getRawValue();
    const body = { name: name.trim(), partnerType: partnerType as PartnerType, legalRegimes };
    const request =
      mode.kind === 'create'
        ? this.api.createOrganisation(body)
        : this.api.updateOrganisation(mode.organisation.id, {
            ...body,
            active,
            version: mode.organisation.version,
          });
    request
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (saved) => {
          this.upsert(saved);
          this.mode.set(null);
          this.resetForm();
          this.show({
            type: 'ok',
            key:
              mode.kind === 'create'
                ? 'admin.organisations.done.created'
                : 'admin.organisations.done.updated',
            params: { name: saved.name },
          });
        },
        error: (error: unknown) => this.failed(error, mode),
      });
  }

  private failed(error: unknown, mode: NonNullable<Mode>): void {
    const kind = failureKind(error);
    if (kind === 'invalid') {
      const { fields, other } = splitFieldErrors(error, (field) =>
        field === 'name' || field === 'partnerType' || field.startsWith('legalRegimes')
          ? field.replace(/\[\d+\]$/, '')
          : null,
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
    } else if (kind === 'conflict' && (mode.kind === 'create' || isDuplicate(error))) {
      this.serverErrors.set({ name: 'admin.errors.duplicateOrganisation' });
      this.focusFirstInvalid();
    } else if (kind === 'conflict' && mode.kind === 'edit') {
      // Someone else saved first: show what is there now, so the beheerder can redo the change.
      this.show({ type: 'error', key: 'admin.errors.conflict' });
      this.reload(() => {
        const fresh = this.organisations().find((o) => o.id === mode.organisation.id);
        if (fresh) {
          this.mode.set({ kind: 'edit', organisation: fresh });
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

  private resetForm(organisation?: OrganisationDto): void {
    this.submitted.set(false);
    this.serverErrors.set({});
    this.form.reset();
    if (organisation) {
      this.form.setValue({
        name: organisation.name,
        partnerType: organisation.partnerType,
        legalRegimes: LEGAL_REGIMES.filter((r) => organisation.legalRegimes.includes(r)),
        active: organisation.active,
      });
    }
  }

  private upsert(organisation: OrganisationDto): void {
    this.organisations.update((list) =>
      [...list.filter((o) => o.id !== organisation.id), organisation].sort(byName((o) => o.name)),
    );
  }

  private reload(then?: () => void, initial = false): void {
    this.api
      .organisations()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (organisations) => {
          this.organisations.set(organisations);
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
    const field = (['name', 'partnerType', 'legalRegimes'] as const).find((f) => this.errorKey(f) !== null);
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
