import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  MEETING_TYPES,
  type CaseTableDto,
  type CreateMeetingRequest,
  type MeetingStaffDto,
  type MeetingType,
} from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { MeetingsApi } from '@casustafel/web/meetings/data-access';
import {
  FormField,
  Textbox,
  UtrechtLazyStyles,
  ErrorSummary,
  type SummaryError,
  NoticeBox,
  type Notice,
} from '@casustafel/web/shared/ui';
import { finalize } from 'rxjs';
import { fieldErrorsOf, meetingFailure } from '../shared/meeting-view';

type Field =
  | 'tableId'
  | 'type'
  | 'date'
  | 'time'
  | 'durationMinutes'
  | 'location'
  | 'onlineLink'
  | 'chairUserId';
const FIELDS: readonly Field[] = [
  'tableId',
  'type',
  'date',
  'time',
  'durationMinutes',
  'location',
  'onlineLink',
  'chairUserId',
];
const PLANNER_ROLES = ['PROCESREGISSEUR', 'VOORZITTER'];

/** Date and time as entered (Dutch time) → ISO instant; the browser knows the offset for that day. */
export function toInstant(date: string, time: string): string | null {
  const value = new Date(`${date}T${time}:00`);
  return Number.isNaN(value.getTime()) ? null : value.toISOString();
}

/**
 * "Nieuw overleg" (issue 6 item 8): table, type, date and time, duration, location or online link,
 * chair and minute-taker from the table's meeting staff. On success it opens the new meeting.
 */
@Component({
  selector: 'cst-meeting-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    FormField,
    Textbox,
    ErrorSummary,
    NoticeBox,
    UtrechtLazyStyles,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-form-page.html',
  styleUrl: '../shared/meetings-page.scss',
})
export class MeetingFormPage {
  private readonly api = inject(MeetingsApi);
  private readonly casesApi = inject(CasesApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);
  private readonly summary = viewChild(ErrorSummary);
  private readonly language = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  });

  protected readonly types = MEETING_TYPES;
  protected readonly tables = signal<CaseTableDto[]>([]);
  protected readonly staff = signal<MeetingStaffDto | null>(null);
  protected readonly staffLoading = signal(false);
  protected readonly busy = signal(false);
  protected readonly attempted = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly notice = signal<Notice | null>(null);
  protected readonly summaryErrors = signal<SummaryError[]>([]);

  protected readonly form = inject(NonNullableFormBuilder).group({
    tableId: [''],
    type: ['CASUSOVERLEG' as MeetingType],
    date: [''],
    time: ['09:30'],
    durationMinutes: [90],
    location: [''],
    onlineLink: [''],
    chairUserId: [''],
    minuteTakerUserId: [''],
  });

  constructor() {
    this.casesApi
      .tables()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (tables) => {
          const mine = tables.filter((t) => t.myRoles.some((r) => PLANNER_ROLES.includes(r)));
          this.tables.set(mine);
          if (mine.length === 1) {
            this.form.controls.tableId.setValue(mine[0].id);
            this.loadStaff(mine[0].id);
          }
        },
        error: (error: unknown) => this.notice.set(meetingFailure(error)),
      });
    this.form.controls.tableId.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((tableId) => this.loadStaff(tableId));
  }

  protected text(key: string, params?: Record<string, unknown>): string {
    this.language();
    return this.transloco.translate(key, params);
  }

  protected errorKey(field: Field): string | null {
    const server = this.serverErrors()[field === 'date' || field === 'time' ? 'scheduledAt' : field];
    if (server && (field !== 'time' || !this.serverErrors()['scheduledAt'])) {
      return server;
    }
    if (!this.attempted()) {
      return null;
    }
    const v = this.form.getRawValue();
    switch (field) {
      case 'tableId':
      case 'chairUserId':
      case 'type':
        return v[field] ? null : 'cases.fieldErrors.choose';
      case 'date':
        if (!v.date) {
          return 'cases.fieldErrors.required';
        }
        return toInstant(v.date, v.time || '00:00') === null ? 'cases.fieldErrors.isIsoDate' : null;
      case 'time':
        if (!v.time) {
          return 'cases.fieldErrors.required';
        }
        if (v.date && (toInstant(v.date, v.time) ?? '') < new Date().toISOString()) {
          return 'meetings.form.pastDate';
        }
        return null;
      case 'durationMinutes':
        return Number.isInteger(v.durationMinutes) && v.durationMinutes >= 15 && v.durationMinutes <= 480
          ? null
          : 'meetings.form.durationRange';
      case 'location':
        return v.location.trim() || v.onlineLink.trim() ? null : 'meetings.form.placeRequired';
      case 'onlineLink':
        return !v.onlineLink.trim() || /^https:\/\/\S+$/.test(v.onlineLink.trim())
          ? null
          : 'meetings.form.linkFormat';
    }
  }

  protected errorText(field: Field): string | null {
    const key = this.errorKey(field);
    return key ? this.text(key) : null;
  }

  protected submit(): void {
    if (this.busy()) {
      return;
    }
    this.attempted.set(true);
    this.serverErrors.set({});
    this.notice.set(null);
    if (this.showSummary()) {
      return;
    }
    const v = this.form.getRawValue();
    const request: CreateMeetingRequest = {
      tableId: v.tableId,
      type: v.type,
      scheduledAt: toInstant(v.date, v.time) as string,
      durationMinutes: v.durationMinutes,
      location: v.location.trim() || null,
      onlineLink: v.onlineLink.trim() || null,
      chairUserId: v.chairUserId,
      minuteTakerUserId: v.minuteTakerUserId || null,
    };
    this.busy.set(true);
    this.api
      .create(request)
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (meeting) =>
          void this.router.navigate(['/overleggen', meeting.id], { state: { created: true } }),
        error: (error: unknown) => {
          const fields = fieldErrorsOf(error);
          if (Object.keys(fields).length > 0) {
            this.serverErrors.set(fields);
            this.showSummary();
          } else {
            this.notice.set(meetingFailure(error));
          }
        },
      });
  }

  /** Lists the problems above the form and focuses it; answers whether there were any. */
  private showSummary(): boolean {
    const labels: Record<Field, string> = {
      tableId: 'meetings.form.table',
      type: 'meetings.form.type',
      date: 'meetings.form.date',
      time: 'meetings.form.time',
      durationMinutes: 'meetings.form.duration',
      location: 'meetings.form.location',
      onlineLink: 'meetings.form.onlineLink',
      chairUserId: 'meetings.form.chair',
    };
    const errors = FIELDS.flatMap((field) => {
      const key = this.errorKey(field);
      return key
        ? [
            {
              fieldId: field === 'type' ? 'mf-type-CASUSOVERLEG' : `mf-${field}`,
              label: this.text(labels[field]),
              message: this.text(key),
            },
          ]
        : [];
    });
    this.summaryErrors.set(errors);
    if (errors.length > 0) {
      afterNextRender(() => this.summary()?.focus(), { injector: this.injector });
    }
    return errors.length > 0;
  }

  private loadStaff(tableId: string): void {
    this.staff.set(null);
    this.form.patchValue({ chairUserId: '', minuteTakerUserId: '' }, { emitEvent: false });
    if (!tableId) {
      return;
    }
    this.staffLoading.set(true);
    this.api
      .staff(tableId)
      .pipe(
        finalize(() => this.staffLoading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (staff) => {
          this.staff.set(staff);
          if (staff.chairs.length === 1) {
            this.form.controls.chairUserId.setValue(staff.chairs[0].id);
          }
        },
        error: (error: unknown) => this.notice.set(meetingFailure(error)),
      });
  }
}
