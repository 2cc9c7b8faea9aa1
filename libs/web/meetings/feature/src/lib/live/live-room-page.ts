import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ATTENDANCE_STATUSES,
  DATA_CATEGORIES,
  DECISION_TYPES,
  SENSITIVITIES,
  type AgendaItemDto,
  type AttendanceStatus,
  type DataCategory,
  type DecisionType,
  type MeetingDetailDto,
  type OrganisationRef,
  type Sensitivity,
} from '@casustafel/shared/contracts';
import { RETURN_PARAM, SessionStore } from '@casustafel/web/auth/data-access';
import { LiveRoom, MeetingsApi, type LiveWriteEntry } from '@casustafel/web/meetings/data-access';
import { Alert, FormField, Textbox, UtrechtLazyStyles, Badge } from '@casustafel/web/shared/ui';
import { fieldErrorKey, formatDuration, meetingFailure } from '../shared/meeting-view';
import { formatDate, formatDateTime, formatTime } from '@casustafel/web/shared/i18n';

/** Field names the server may report for live writes, with their labels. */
const FIELD_LABELS: Record<string, string> = {
  text: 'meetings.live.text',
  category: 'meetings.live.category',
  sensitivity: 'meetings.live.sensitivity',
  type: 'meetings.live.decisionType',
  description: 'meetings.live.description',
  ownerOrganisationId: 'meetings.live.ownerOrganisation',
  dueDate: 'meetings.live.dueDate',
  agendaItemId: 'meetings.live.agenda',
};

/**
 * The live room (issue 6 item 8, scenarios 11 and 12). The user first acknowledges the confidentiality
 * statement (Dutch and English) in a modal dialog; only then does the page connect. The room shows
 * who is here per organisation, the current agenda item with its time box and running timer, notes per
 * item (with data category and sensitivity), decisions and actions — everything as the server's
 * projection for the user's organisation, updated live through the {@link LiveRoom}. The chair moves
 * the current item, runs the timer, records decisions and actions. A write the server refuses or does
 * not answer is shown to its author, who can send it again (same idempotency key).
 */
@Component({
  selector: 'cst-live-room-page',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    Alert,
    Badge,
    FormField,
    Textbox,
    UtrechtLazyStyles,
  ],
  providers: [LiveRoom],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './live-room-page.html',
  styleUrls: ['../shared/meetings-page.scss', './live-room-page.scss'],
})
export class LiveRoomPage implements OnInit {
  readonly meetingId = input.required<string>();

  private readonly api = inject(MeetingsApi);
  protected readonly room = inject(LiveRoom);
  protected readonly store = this.room.store;
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly transloco = inject(TranslocoService);
  private readonly dialog = viewChild<ElementRef<HTMLDialogElement>>('confidentiality');
  private readonly language = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  });

  protected readonly categories = DATA_CATEGORIES;
  protected readonly sensitivities = SENSITIVITIES;
  protected readonly decisionTypes = DECISION_TYPES;
  protected readonly attendanceStatuses = ATTENDANCE_STATUSES;
  protected readonly date = formatDate;
  protected readonly time = formatTime;

  protected readonly phase = signal<'loading' | 'confirm' | 'room' | 'notFound' | 'failed'>('loading');
  protected readonly preview = signal<MeetingDetailDto | null>(null);
  protected readonly accepted = signal(false);
  protected readonly acceptError = signal(false);
  /** The item the user looks at; null follows the current item. */
  protected readonly selectedId = signal<string | null>(null);
  protected readonly now = signal(Date.now());

  protected readonly meeting = computed(() => this.store.meeting() ?? this.preview());
  protected readonly chair = computed(() => this.store.meeting()?.can.chair ?? false);
  protected readonly agenda = this.store.agenda;
  protected readonly viewed = computed<AgendaItemDto | null>(() => {
    const selected = this.selectedId();
    return (selected && this.agenda().find((a) => a.id === selected)) || this.store.currentItem();
  });
  protected readonly viewedIndex = computed(() => {
    const viewed = this.viewed();
    return viewed ? this.agenda().findIndex((a) => a.id === viewed.id) : -1;
  });
  protected readonly currentIndex = computed(() => {
    const current = this.store.currentItem();
    return current ? this.agenda().findIndex((a) => a.id === current.id) : -1;
  });
  protected readonly viewingOther = computed(() => {
    const viewed = this.viewed();
    return viewed !== null && viewed.id !== this.store.currentItem()?.id;
  });
  protected readonly itemNotes = computed(() =>
    this.store.notes().filter((n) => n.agendaItemId === this.viewed()?.id),
  );
  protected readonly itemDecisions = computed(() =>
    this.store.decisions().filter((d) => d.agendaItemId === this.viewed()?.id),
  );
  protected readonly itemActions = computed(() =>
    this.store.actions().filter((a) => a.agendaItemId === this.viewed()?.id),
  );
  private readonly itemWrites = computed(() =>
    this.room.writes().filter((w) => w.agendaItemId !== null && w.agendaItemId === this.viewed()?.id),
  );
  protected readonly roomWrites = computed(() =>
    this.room.writes().filter((w) => w.agendaItemId === null || w.kind === 'timer'),
  );
  /** The timer of the viewed item: elapsed seconds, time box, and how far over. */
  protected readonly clock = computed(() => {
    const item = this.viewed();
    const timer = this.store.timer();
    if (!item) {
      return null;
    }
    const own = timer && timer.agendaItemId === item.id ? timer : null;
    const started = own?.running && own.startedAt ? new Date(own.startedAt).getTime() : null;
    const elapsed = (own?.elapsedSeconds ?? 0) + (started ? Math.max(0, (this.now() - started) / 1000) : 0);
    const box = item.timeboxMinutes * 60;
    return { running: own?.running ?? false, elapsed, box, over: Math.max(0, elapsed - box) };
  });
  /** Organisations that can own an action of the viewed item: its invitees and whoever attends. */
  protected readonly owners = computed<OrganisationRef[]>(() => {
    const seen = new Map<string, OrganisationRef>();
    const add = (o: OrganisationRef) =>
      seen.set(o.id, { id: o.id, name: o.name, partnerType: o.partnerType });
    this.viewed()?.invited.forEach(add);
    this.store.attendance().forEach((a) => add(a.organisation));
    this.store.presence().forEach((p) => add(p.organisation));
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  });
  protected readonly attendanceRows = computed(() => {
    const rows = new Map<
      string,
      { organisation: OrganisationRef; status: AttendanceStatus | null; guest: boolean }
    >();
    for (const a of this.store.attendance()) {
      rows.set(a.organisation.id, { organisation: a.organisation, status: a.status, guest: a.guest });
    }
    for (const p of this.store.presence()) {
      if (!rows.has(p.organisation.id)) {
        rows.set(p.organisation.id, { organisation: p.organisation, status: null, guest: p.guest });
      }
    }
    return [...rows.values()];
  });

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly noteForm = this.fb.group({
    category: ['' as DataCategory | ''],
    sensitivity: ['NORMAAL' as Sensitivity],
    text: [''],
  });
  protected readonly decisionForm = this.fb.group({ type: ['' as DecisionType | ''], text: [''] });
  protected readonly actionForm = this.fb.group({
    description: [''],
    ownerOrganisationId: [''],
    dueDate: [''],
  });
  protected readonly tried = signal<Record<'note' | 'decision' | 'action', boolean>>({
    note: false,
    decision: false,
    action: false,
  });

  private readonly session = inject(SessionStore);

  constructor() {
    const tick = setInterval(() => this.now.set(Date.now()), 1000);
    this.destroyRef.onDestroy(() => clearInterval(tick));
    // The session ended (logout elsewhere, revocation, expiry): sign in again, then come back here.
    effect(() => {
      if (this.room.removedReason() === 'SESSION_ENDED') {
        this.session.clear();
        void this.router.navigate(['/inloggen'], {
          queryParams: { [RETURN_PARAM]: this.router.url, verlopen: 1 },
        });
      }
    });
  }

  ngOnInit(): void {
    this.api
      .get(this.meetingId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (meeting) => {
          this.preview.set(meeting);
          this.phase.set('confirm');
          afterNextRender(() => this.openDialog(), { injector: this.injector });
        },
        error: (error: unknown) =>
          this.phase.set(meetingFailure(error).key === 'meetings.errors.notFound' ? 'notFound' : 'failed'),
      });
  }

  protected text(key: string, params?: Record<string, unknown>): string {
    this.language();
    return this.transloco.translate(key, params);
  }

  protected name(meeting: MeetingDetailDto): string {
    return `${this.text(`meetings.types.${meeting.type}`)} ${formatDateTime(meeting.scheduledAt)}`;
  }

  protected duration(seconds: number): string {
    return formatDuration(seconds);
  }

  // Confidentiality and joining ---------------------------------------------------------------------

  protected join(): void {
    if (!this.accepted()) {
      this.acceptError.set(true);
      this.focus('conf-accept');
      return;
    }
    this.dialog()?.nativeElement.close?.();
    this.phase.set('room');
    void this.room.enter(this.meetingId());
    afterNextRender(() => this.focus('live-heading'), { injector: this.injector });
  }

  protected decline(): void {
    this.dialog()?.nativeElement.close?.();
    void this.router.navigate(['/overleggen', this.meetingId()]);
  }

  /** Escape closes a modal dialog: the same as declining. */
  protected dialogCancelled(event: Event): void {
    event.preventDefault();
    this.decline();
  }

  protected leave(): void {
    this.room.leave();
    void this.router.navigate(['/overleggen', this.meetingId()]);
  }

  // Navigation in the agenda --------------------------------------------------------------------------

  protected view(item: AgendaItemDto): void {
    this.selectedId.set(item.id === this.store.currentItem()?.id ? null : item.id);
    this.focus('live-item-heading');
  }

  protected followCurrent(): void {
    this.selectedId.set(null);
    this.focus('live-item-heading');
  }

  protected step(delta: -1 | 1): void {
    const target =
      this.agenda()[this.currentIndex() + delta] ?? (this.currentIndex() === -1 ? this.agenda()[0] : null);
    if (target) {
      this.selectedId.set(null);
      void this.room.setCurrentItem(target.id);
    }
  }

  protected makeCurrent(item: AgendaItemDto): void {
    this.selectedId.set(null);
    void this.room.setCurrentItem(item.id);
  }

  protected timer(command: 'START' | 'PAUSE' | 'RESET'): void {
    const item = this.viewed();
    if (item) {
      void this.room.timer(item.id, command);
    }
  }

  protected setAttendance(organisationId: string, status: string): void {
    if (status) {
      void this.room.setAttendance({ organisationId, status: status as AttendanceStatus });
    }
  }

  // Notes, decisions, actions ------------------------------------------------------------------------

  protected errorText(form: 'note' | 'decision' | 'action', field: string): string | null {
    if (!this.tried()[form]) {
      return null;
    }
    const value: Record<string, string> =
      form === 'note'
        ? this.noteForm.getRawValue()
        : form === 'decision'
          ? this.decisionForm.getRawValue()
          : this.actionForm.getRawValue();
    const empty = !String(value[field] ?? '').trim();
    if (!empty) {
      return null;
    }
    return this.text(
      ['category', 'type', 'ownerOrganisationId'].includes(field)
        ? 'cases.fieldErrors.choose'
        : 'cases.fieldErrors.required',
    );
  }

  protected async addNote(): Promise<void> {
    const item = this.viewed();
    this.tried.update((t) => ({ ...t, note: true }));
    const invalid = ['category', 'text'].find((f) => this.errorText('note', f));
    if (!item || invalid) {
      this.focus(`note-${invalid}`);
      return;
    }
    const v = this.noteForm.getRawValue();
    const sent = this.room.addNote({
      agendaItemId: item.id,
      category: v.category as DataCategory,
      sensitivity: v.sensitivity,
      text: v.text.trim(),
    });
    // The form is emptied at once; a refused note stays visible below with its text and can be resent.
    this.noteForm.reset({ category: v.category, sensitivity: 'NORMAAL', text: '' });
    this.tried.update((t) => ({ ...t, note: false }));
    await sent;
  }

  protected async recordDecision(): Promise<void> {
    const item = this.viewed();
    this.tried.update((t) => ({ ...t, decision: true }));
    const invalid = ['type', 'text'].find((f) => this.errorText('decision', f));
    if (!item || invalid) {
      this.focus(`decision-${invalid}`);
      return;
    }
    const v = this.decisionForm.getRawValue();
    const sent = this.room.recordDecision({
      agendaItemId: item.id,
      type: v.type as DecisionType,
      text: v.text.trim(),
    });
    this.decisionForm.reset({ type: '', text: '' });
    this.tried.update((t) => ({ ...t, decision: false }));
    await sent;
  }

  protected async createAction(): Promise<void> {
    const item = this.viewed();
    this.tried.update((t) => ({ ...t, action: true }));
    const invalid = ['description', 'ownerOrganisationId', 'dueDate'].find((f) =>
      this.errorText('action', f),
    );
    if (!item || invalid) {
      this.focus(`action-${invalid}`);
      return;
    }
    const v = this.actionForm.getRawValue();
    const sent = this.room.createAction({
      agendaItemId: item.id,
      description: v.description.trim(),
      ownerOrganisationId: v.ownerOrganisationId,
      ownerUserId: null,
      dueDate: v.dueDate,
    });
    this.actionForm.reset({ description: '', ownerOrganisationId: '', dueDate: '' });
    this.tried.update((t) => ({ ...t, action: false }));
    await sent;
  }

  /** Unconfirmed writes of the viewed item of one kind, shown under their form. */
  protected writesOf(kind: LiveWriteEntry['kind']): LiveWriteEntry[] {
    return this.itemWrites().filter((w) => w.kind === kind);
  }

  /** What a pending or failed write was, in words ("Notitie: Gesprek gevoerd…"). */
  protected writeSummary(write: LiveWriteEntry): string {
    const p = write.payload;
    const detail = String(p['text'] ?? p['description'] ?? p['command'] ?? p['status'] ?? '');
    return `${this.text(`meetings.live.writeKinds.${write.kind}`)}${detail ? `: ${detail.slice(0, 80)}` : ''}`;
  }

  /** Why a write failed, naming the fields the server refused. */
  protected failure(write: LiveWriteEntry): string {
    const problem = write.problem;
    if (!problem || problem.code === 'live.timeout' || problem.status === 0) {
      return this.text('meetings.live.failed', { reason: this.text('meetings.live.failedTimeout') });
    }
    if (problem.errors?.length) {
      const reasons = problem.errors
        .map(
          (e) =>
            `${FIELD_LABELS[e.field] ? this.text(FIELD_LABELS[e.field]) : e.field}: ${this.text(fieldErrorKey(e.code))}`,
        )
        .join('; ');
      return this.text('meetings.live.failed', { reason: reasons });
    }
    const key =
      problem.status === 403
        ? 'meetings.errors.forbidden'
        : problem.status === 404
          ? 'meetings.errors.notFound'
          : problem.status === 409
            ? 'meetings.errors.conflict'
            : 'cases.errors.generic';
    return this.text('meetings.live.failed', { reason: this.text(key) });
  }

  private openDialog(): void {
    const dialog = this.dialog()?.nativeElement;
    if (dialog && typeof dialog.showModal === 'function' && !dialog.open) {
      dialog.showModal();
    }
  }

  private focus(id: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[id="${id}"]`)?.focus(), {
      injector: this.injector,
    });
  }
}
