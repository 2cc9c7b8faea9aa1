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
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  DATA_CATEGORIES,
  type AttendanceStatus,
  type DataCategory,
  type MeetingDetailDto,
  type MinutesDto,
} from '@casustafel/shared/contracts';
import { statusOf } from '@casustafel/web/auth/data-access';
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
import { Observable, finalize, tap } from 'rxjs';
import { fieldErrorsOf, meetingFailure } from '../shared/meeting-view';
import { formatDate, formatDateTime } from '@casustafel/web/shared/i18n';

type Minutes = MinutesDto;
type MinutesItem = MinutesDto['items'][number];

interface Draft {
  category: DataCategory | '';
  text: string;
}

/**
 * The minutes (issue 6 item 8, scenario 14): per agenda item the minute-taker's summary (category and
 * text), editable while CONCEPT; "Vaststellen" for the chair; after that "Nieuwe versie" with a
 * required reason; the list of versions. Everyone else reads their organisation's filtered version.
 */
@Component({
  selector: 'cst-minutes-page',
  imports: [
    FormsModule,
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
  templateUrl: './minutes-page.html',
  styleUrl: '../shared/meetings-page.scss',
})
export class MinutesPage implements OnInit {
  readonly meetingId = input.required<string>();

  private readonly api = inject(MeetingsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly transloco = inject(TranslocoService);
  private readonly noticeView = viewChild(NoticeBox);
  private readonly language = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  });

  protected readonly categories = DATA_CATEGORIES;
  protected readonly date = formatDate;
  protected readonly dateTime = formatDateTime;

  protected readonly state = signal<'loading' | 'ready' | 'none' | 'failed' | 'notFound'>('loading');
  protected readonly meeting = signal<MeetingDetailDto | null>(null);
  protected readonly minutes = signal<Minutes | null>(null);
  /** Viewing an older version (read only). */
  protected readonly viewingVersion = signal<number | null>(null);
  protected readonly drafts = signal<Record<string, Draft>>({});
  protected readonly itemErrors = signal<Record<string, { category?: string; text?: string }>>({});
  protected readonly notice = signal<Notice | null>(null);
  protected readonly busy = signal(false);
  protected readonly revising = signal(false);
  protected readonly reason = signal('');
  protected readonly reasonError = signal<string | null>(null);
  private latestVersion = 0;

  protected readonly editable = computed(
    () =>
      !!this.minutes()?.can.edit && this.minutes()?.status === 'CONCEPT' && this.viewingVersion() === null,
  );
  /** Only what was recorded: a group nobody was recorded in is left out rather than said to be empty. */
  protected readonly attendanceGroups = computed(() => {
    const attendance = this.minutes()?.attendance ?? [];
    const of = (status: AttendanceStatus) =>
      attendance.filter((a) => a.status === status).map((a) => a.organisation.name);
    return [
      { key: 'present', names: of('PRESENT') },
      { key: 'apologies', names: of('APOLOGY') },
      { key: 'infoSent', names: of('INFO_SENT') },
      { key: 'absent', names: of('ABSENT') },
    ].filter((g) => g.names.length > 0);
  });
  protected readonly canGenerate = computed(() => {
    const m = this.meeting();
    return !!m && (m.can.transition.includes('VERSLAG_OPSTELLEN') || m.can.editMinutes);
  });

  ngOnInit(): void {
    this.api
      .get(this.meetingId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (m) => this.meeting.set(m), error: () => undefined });
    this.load();
  }

  protected text(key: string, params?: Record<string, unknown>): string {
    this.language();
    return this.transloco.translate(key, params);
  }

  protected name(meeting: MeetingDetailDto): string {
    return `${this.text(`meetings.types.${meeting.type}`)} ${formatDateTime(meeting.scheduledAt)}`;
  }

  protected draft(item: MinutesItem): Draft {
    return (
      this.drafts()[item.agendaItemId] ?? {
        category: item.summary?.category ?? '',
        text: item.summary?.text ?? '',
      }
    );
  }

  protected setDraft(item: MinutesItem, change: Partial<Draft>): void {
    this.drafts.update((d) => ({ ...d, [item.agendaItemId]: { ...this.draft(item), ...change } }));
  }

  protected saveSummary(item: MinutesItem, index: number): void {
    const minutes = this.minutes();
    if (!minutes || this.busy()) {
      return;
    }
    const draft = this.draft(item);
    const errors = {
      category: draft.category ? undefined : 'cases.fieldErrors.choose',
      text: draft.text.trim() ? undefined : 'cases.fieldErrors.required',
    };
    this.itemErrors.update((e) => ({ ...e, [item.agendaItemId]: errors }));
    if (errors.category || errors.text) {
      this.focus(`sum-${item.agendaItemId}-${errors.category ? 'category' : 'text'}`);
      return;
    }
    this.run(
      this.api.updateMinutesItem(minutes.meetingId, item.agendaItemId, {
        category: draft.category as DataCategory,
        text: draft.text.trim(),
        version: item.summary?.version ?? 0,
      }),
      { type: 'ok', key: 'meetings.minutesPage.saved', params: { n: String(index + 1) } },
      (error) => {
        const fields = fieldErrorsOf(error);
        if (fields['category'] || fields['text']) {
          this.itemErrors.update((e) => ({
            ...e,
            [item.agendaItemId]: { category: fields['category'], text: fields['text'] },
          }));
          return true;
        }
        return false;
      },
      () =>
        this.drafts.update((d) =>
          Object.fromEntries(Object.entries(d).filter(([k]) => k !== item.agendaItemId)),
        ),
    );
  }

  protected generate(): void {
    const meeting = this.meeting();
    if (!meeting || this.busy()) {
      return;
    }
    // The minutes' own endpoint draws up the concept (the meeting moves to VERSLAG_CONCEPT with it);
    // the meeting's transitions endpoint does not run the minutes' transitions.
    const call = this.api
      .generateMinutes(meeting.id)
      .pipe(
        tap(() =>
          this.api.get(meeting.id).subscribe({ next: (m) => this.meeting.set(m), error: () => undefined }),
        ),
      );
    this.run(call, null);
  }

  protected establish(): void {
    const minutes = this.minutes();
    if (!minutes || this.busy()) {
      return;
    }
    this.run(this.api.establishMinutes(minutes.meetingId, minutes.rowVersion), {
      type: 'ok',
      key: 'meetings.minutesPage.established',
    });
  }

  protected startRevise(): void {
    this.revising.set(true);
    this.reasonError.set(null);
    this.focus('revise-reason');
  }

  protected cancelRevise(): void {
    this.revising.set(false);
    this.focus('revise-start');
  }

  protected revise(): void {
    const minutes = this.minutes();
    if (!minutes || this.busy()) {
      return;
    }
    if (!this.reason().trim()) {
      this.reasonError.set(this.text('meetings.minutesPage.reasonRequired'));
      this.focus('revise-reason');
      return;
    }
    this.run(
      this.api.reviseMinutes(minutes.meetingId, {
        reason: this.reason().trim(),
        version: minutes.rowVersion,
      }),
      { type: 'ok', key: 'meetings.minutesPage.revised' },
      (error) => {
        if (fieldErrorsOf(error)['reason']) {
          this.reasonError.set(this.text('meetings.minutesPage.reasonRequired'));
          this.focus('revise-reason');
          return true;
        }
        return false;
      },
      () => {
        this.revising.set(false);
        this.reason.set('');
      },
    );
  }

  protected showVersion(version: number): void {
    const minutes = this.minutes();
    if (!minutes) {
      return;
    }
    if (version === 0 || version === this.latestVersion) {
      this.viewingVersion.set(null);
      this.load();
      return;
    }
    this.api
      .minutesVersion(minutes.meetingId, version)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (old) => {
          this.viewingVersion.set(version);
          this.minutes.set(old);
          this.focus('minutes-heading');
        },
        error: (error: unknown) => this.show(meetingFailure(error)),
      });
  }

  private run(
    call: Observable<Minutes>,
    notice: Notice | null,
    onError?: (error: unknown) => boolean,
    onDone?: () => void,
  ): void {
    this.busy.set(true);
    this.notice.set(null);
    call
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (minutes) => {
          this.setMinutes(minutes);
          onDone?.();
          if (notice) {
            this.show(notice);
          }
        },
        error: (error: unknown) => {
          if (!onError?.(error)) {
            this.show(meetingFailure(error));
            if (statusOf(error) === 409) {
              this.load();
            }
          }
        },
      });
  }

  private setMinutes(minutes: Minutes): void {
    this.minutes.set(minutes);
    this.latestVersion = minutes.version;
    this.viewingVersion.set(null);
    this.state.set('ready');
  }

  private load(): void {
    this.api
      .minutes(this.meetingId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (minutes) => this.setMinutes(minutes),
        error: (error: unknown) => {
          // No minutes yet answers 404 while the meeting itself is visible.
          if (statusOf(error) === 404) {
            this.state.set(this.meeting() || this.state() === 'loading' ? 'none' : 'notFound');
          } else {
            this.state.set('failed');
          }
        },
      });
  }

  private show(notice: Notice): void {
    this.notice.set(notice);
    afterNextRender(() => this.noticeView()?.focus(), { injector: this.injector });
  }

  private focus(id: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[id="${id}"]`)?.focus(), {
      injector: this.injector,
    });
  }
}
