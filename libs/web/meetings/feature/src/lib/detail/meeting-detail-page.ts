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
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ATTENDANCE_STATUSES,
  type AgendaItemDto,
  type AttendanceStatus,
  type CaseSummaryDto,
  type MeetingDetailDto,
  type MeetingStaffDto,
  type MeetingTransition,
  type OrganisationRef,
} from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { MeetingsApi } from '@casustafel/web/meetings/data-access';
import {
  Alert,
  FormField,
  Textbox,
  UtrechtLazyStyles,
  Badge,
  NoticeBox,
  type Notice,
} from '@casustafel/web/shared/ui';
import { Observable, finalize, switchMap } from 'rxjs';
import {
  HAS_MINUTES,
  actionStatusTone,
  fieldErrorsOf,
  meetingFailure,
  meetingStatusTone,
} from '../shared/meeting-view';
import { formatDate, formatDateTime } from '@casustafel/web/shared/i18n';

interface AttendanceRow {
  organisation: OrganisationRef;
  status: AttendanceStatus | null;
  guest: boolean;
}

/**
 * One meeting (issue 6 item 8): its details, the lifecycle buttons the server allows (`can.transition`),
 * links to the live room and the minutes, the agenda (add a case with time box and invited
 * organisations, reorder, remove) and attendance per organisation. A case of which the user's
 * organisation is no part shows as "Agendapunt (niet gedeeld met uw organisatie)".
 */
@Component({
  selector: 'cst-meeting-detail-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    Alert,
    Badge,
    FormField,
    Textbox,
    NoticeBox,
    UtrechtLazyStyles,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-detail-page.html',
  styleUrl: '../shared/meetings-page.scss',
  styles: `
    .cst-agenda {
      counter-reset: none;
      display: grid;
      gap: 1rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .cst-invited {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .cst-attendance {
      display: grid;
      gap: 0.75rem;
    }
    .cst-attendance__row {
      align-items: center;
      display: grid;
      gap: 0.5rem 1rem;
      @media (width >= 48em) {
        grid-template-columns: 18rem minmax(10rem, 16rem) auto;
      }
    }
    .cst-attendance__row > span {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
    }
    .cst-attendance__row button {
      justify-self: start;
    }
  `,
})
export class MeetingDetailPage implements OnInit {
  readonly meetingId = input.required<string>();

  private readonly api = inject(MeetingsApi);
  private readonly router = inject(Router);
  private readonly casesApi = inject(CasesApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly transloco = inject(TranslocoService);
  private readonly noticeView = viewChild(NoticeBox);
  private readonly language = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  });

  protected readonly dateTime = formatDateTime;
  protected readonly date = formatDate;
  protected readonly tone = meetingStatusTone;
  protected readonly actionTone = actionStatusTone;
  protected readonly attendanceStatuses = ATTENDANCE_STATUSES;

  protected readonly state = signal<'loading' | 'ready' | 'failed' | 'notFound'>('loading');
  protected readonly meeting = signal<MeetingDetailDto | null>(null);
  protected readonly staff = signal<MeetingStaffDto | null>(null);
  protected readonly cases = signal<CaseSummaryDto[]>([]);
  protected readonly notice = signal<Notice | null>(
    (inject(Router).currentNavigation()?.extras.state?.['created'] ?? false)
      ? { type: 'ok', key: 'meetings.form.created' }
      : null,
  );
  protected readonly busy = signal(false);
  protected readonly attempted = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});

  protected readonly agenda = computed(() =>
    [...(this.meeting()?.agenda ?? [])].sort((a, b) => a.order - b.order),
  );
  protected readonly hasMinutes = computed(() => {
    const status = this.meeting()?.status;
    return status ? HAS_MINUTES.includes(status) : false;
  });
  /** Everyone who takes part: recorded attendance first, then the table's organisations without one. */
  protected readonly attendanceRows = computed<AttendanceRow[]>(() => {
    const meeting = this.meeting();
    if (!meeting) {
      return [];
    }
    const rows: AttendanceRow[] = meeting.attendance.map((a) => ({
      organisation: a.organisation,
      status: a.status,
      guest: a.guest,
    }));
    const known = new Set(rows.map((r) => r.organisation.id));
    const invited = [
      ...(this.staff()?.organisations.filter((o) => o.basis === 'MEMBER') ?? []),
      ...meeting.agenda.flatMap((item) => item.invited),
    ];
    for (const organisation of invited) {
      if (!known.has(organisation.id)) {
        known.add(organisation.id);
        rows.push({
          organisation: {
            id: organisation.id,
            name: organisation.name,
            partnerType: organisation.partnerType,
          },
          status: null,
          guest: organisation.basis === 'GUEST',
        });
      }
    }
    return rows;
  });
  /** Cases of the table not yet on the agenda. */
  protected readonly availableCases = computed(() => {
    const onAgenda = new Set(this.meeting()?.agenda.map((a) => a.caseId) ?? []);
    return this.cases().filter((c) => !onAgenda.has(c.id));
  });

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly addForm = this.fb.group({
    caseId: [''],
    timeboxMinutes: [15],
    invited: this.fb.control<string[]>([]),
  });
  protected readonly attendanceChoice = signal<Record<string, AttendanceStatus>>({});

  ngOnInit(): void {
    this.load();
  }

  protected text(key: string, params?: Record<string, unknown>): string {
    this.language();
    return this.transloco.translate(key, params);
  }

  protected name(meeting: MeetingDetailDto): string {
    return `${this.text(`meetings.types.${meeting.type}`)} ${formatDateTime(meeting.scheduledAt)}`;
  }

  // Lifecycle ---------------------------------------------------------------------------------------

  protected transition(transition: MeetingTransition): void {
    const meeting = this.meeting();
    if (!meeting || this.busy()) {
      return;
    }
    if (transition === 'VERSLAG_OPSTELLEN' || transition === 'VERSLAG_VASTSTELLEN') {
      // The minutes are drawn up and established on their own page (their own endpoints).
      void this.router.navigate(['/overleggen', meeting.id, 'verslag']);
      return;
    }
    this.run(this.api.transition(meeting.id, { transition, version: meeting.version }), (updated) => ({
      type: 'ok',
      key: 'meetings.transitionDone',
      params: { status: this.text(`meetings.statuses.${updated.status}`) },
    }));
  }

  // Agenda ------------------------------------------------------------------------------------------

  protected invitedChecked(organisationId: string): boolean {
    return this.addForm.controls.invited.value.includes(organisationId);
  }

  protected toggleInvited(organisationId: string, checked: boolean): void {
    const current = this.addForm.controls.invited.value.filter((id) => id !== organisationId);
    this.addForm.controls.invited.setValue(checked ? [...current, organisationId] : current);
  }

  protected addErrorKey(field: 'caseId' | 'timeboxMinutes'): string | null {
    const server = this.serverErrors()[field];
    if (server) {
      return server;
    }
    if (!this.attempted()) {
      return null;
    }
    const v = this.addForm.getRawValue();
    if (field === 'caseId') {
      return v.caseId ? null : 'cases.fieldErrors.choose';
    }
    return Number.isInteger(v.timeboxMinutes) && v.timeboxMinutes >= 1 && v.timeboxMinutes <= 120
      ? null
      : 'meetings.detail.timeboxRange';
  }

  protected addError(field: 'caseId' | 'timeboxMinutes'): string | null {
    const key = this.addErrorKey(field);
    return key ? this.text(key) : null;
  }

  protected addItem(): void {
    const meeting = this.meeting();
    if (!meeting || this.busy()) {
      return;
    }
    this.attempted.set(true);
    this.serverErrors.set({});
    const invalid = (['caseId', 'timeboxMinutes'] as const).find((f) => this.addErrorKey(f));
    if (invalid) {
      this.focus(invalid === 'caseId' ? 'ai-case' : 'ai-timebox');
      return;
    }
    const v = this.addForm.getRawValue();
    this.run(
      this.api.addAgendaItem(meeting.id, {
        caseId: v.caseId,
        timeboxMinutes: v.timeboxMinutes,
        invitedOrganisationIds: v.invited,
      }),
      () => {
        this.addForm.reset({ caseId: '', timeboxMinutes: 15, invited: [] });
        this.attempted.set(false);
        return { type: 'ok', key: 'meetings.detail.added' };
      },
      (error) => {
        const fields = fieldErrorsOf(error);
        const mapped: Record<string, string> = {};
        if (fields['caseId']) {
          mapped['caseId'] = fields['caseId'];
        }
        if (fields['timeboxMinutes']) {
          mapped['timeboxMinutes'] = fields['timeboxMinutes'];
        }
        if (Object.keys(mapped).length) {
          this.serverErrors.set(mapped);
          this.focus(mapped['caseId'] ? 'ai-case' : 'ai-timebox');
          return true;
        }
        return false;
      },
    );
  }

  protected move(item: AgendaItemDto, delta: -1 | 1): void {
    const meeting = this.meeting();
    if (!meeting || this.busy()) {
      return;
    }
    const list = this.agenda();
    const index = list.findIndex((a) => a.id === item.id);
    const target = list[index + delta];
    if (!target) {
      return;
    }
    this.run(
      this.api.updateAgendaItem(meeting.id, item.id, {
        timeboxMinutes: item.timeboxMinutes,
        invitedOrganisationIds: item.invited.map((o) => o.id),
        order: target.order,
      }),
      () => {
        // Keep the keyboard on the moved item's button, or its other one at the ends.
        const position = index + delta;
        const last = position === list.length - 1;
        const first = position === 0;
        const direction = delta < 0 ? (first ? 'down' : 'up') : last ? 'up' : 'down';
        this.focus(`ai-${item.id}-${direction}`);
        return {
          type: 'ok',
          key: 'meetings.detail.moved',
          params: { n: String(index + 1), to: String(position + 1) },
        };
      },
      undefined,
      false,
    );
  }

  protected remove(item: AgendaItemDto): void {
    const meeting = this.meeting();
    if (!meeting || this.busy()) {
      return;
    }
    this.run(this.api.removeAgendaItem(meeting.id, item.id), () => ({
      type: 'ok',
      key: 'meetings.detail.removed',
    }));
  }

  // Attendance --------------------------------------------------------------------------------------

  protected choose(organisationId: string, status: string): void {
    this.attendanceChoice.update((c) => ({ ...c, [organisationId]: status as AttendanceStatus }));
  }

  protected saveAttendance(row: AttendanceRow): void {
    const meeting = this.meeting();
    const status = this.attendanceChoice()[row.organisation.id] ?? row.status;
    if (!meeting || !status || this.busy()) {
      return;
    }
    this.run(
      this.api
        .setAttendance(meeting.id, row.organisation.id, { status })
        .pipe(switchMap(() => this.api.get(meeting.id))),
      () => ({
        type: 'ok',
        key: 'meetings.detail.attendanceSaved',
        params: { organisation: row.organisation.name },
      }),
    );
  }

  // ------------------------------------------------------------------------------------------------

  /** Runs a change; the answer is the new meeting. `onError` answers true when it handled the error itself. */
  private run(
    call: Observable<MeetingDetailDto>,
    done: (meeting: MeetingDetailDto) => Notice,
    onError?: (error: unknown) => boolean,
    focusNotice = true,
  ): void {
    this.busy.set(true);
    this.notice.set(null);
    call
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (meeting) => {
          this.meeting.set(meeting);
          this.attendanceChoice.set({});
          this.show(done(meeting), focusNotice);
        },
        error: (error: unknown) => {
          if (onError?.(error)) {
            return;
          }
          this.show(meetingFailure(error), true);
          if (this.notice()?.key === 'meetings.errors.conflict') {
            this.load();
          }
        },
      });
  }

  private load(): void {
    this.api
      .get(this.meetingId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (meeting) => {
          const first = this.meeting() === null;
          this.meeting.set(meeting);
          this.state.set('ready');
          if (first && meeting.can.edit) {
            this.loadPlanning(meeting);
          }
        },
        error: (error: unknown) =>
          this.state.set(meetingFailure(error).key === 'meetings.errors.notFound' ? 'notFound' : 'failed'),
      });
  }

  /** The choices of the agenda editor: the table's cases and organisations. */
  private loadPlanning(meeting: MeetingDetailDto): void {
    this.api
      .staff(meeting.tableId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (staff) => this.staff.set(staff), error: () => this.staff.set(null) });
    this.casesApi
      .list({ tableId: meeting.tableId, pageSize: 100 })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (page) => this.cases.set(page.items), error: () => this.cases.set([]) });
  }

  private show(notice: Notice, focus: boolean): void {
    this.notice.set(notice);
    if (focus) {
      afterNextRender(() => this.noticeView()?.focus(), { injector: this.injector });
    }
  }

  private focus(id: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[id="${id}"]`)?.focus(), {
      injector: this.injector,
    });
  }
}
