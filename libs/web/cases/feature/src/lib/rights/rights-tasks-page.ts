import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { MyRightsTaskDto, RightsTaskAnswer } from '@casustafel/shared/contracts';
import { problemOf } from '@casustafel/web/auth/data-access';
import { RightsApi } from '@casustafel/web/cases/data-access';
import { Alert, FormField, Textbox, Badge, NoticeBox, type Notice } from '@casustafel/web/shared/ui';
import { finalize } from 'rxjs';
import { formatDateTime } from '../detail/detail-util';
import { failureKind, genericFailure, problemCode } from '../shared/server-errors';
import { RightsDeadline } from './rights-deadline';
import { taskStatusTone } from './rights-util';

const ANSWERS: readonly RightsTaskAnswer[] = ['AFGEROND', 'NIETS_GEVONDEN', 'AFGEWEZEN'];

/** A task the organisation can still complete: open, and its request still running. */
export const isActionable = (task: MyRightsTaskDto): boolean =>
  task.status === 'OPEN' && task.request.status === 'IN_BEHANDELING';

/**
 * "Taken verzoeken" for a joint controller (DOMAIN.md scenario 18): the data-subject requests the
 * contactpunt sent to the user's organisation — type, number, deadline (in words and colour), the
 * matched cases the user takes part in (links; the case page decides what is shown) — never the
 * person's name. A task is completed as done, nothing found, or refused with its ground.
 */
@Component({
  selector: 'cst-rights-tasks-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    Alert,
    FormField,
    Textbox,
    Badge,
    NoticeBox,
    RightsDeadline,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rights-tasks-page.html',
  styleUrl: '../shared/cases-page.scss',
  styles: `
    .cst-group {
      display: grid;
      gap: 1rem;
    }
    .cst-group > p {
      margin: 0;
    }
    .cst-card--overdue {
      border-inline-start: 4px solid var(--utrecht-color-red-30, #990000);
    }
    .cst-card__title:focus {
      outline: none;
    }
    .cst-inline-list {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    textarea.cst-textbox {
      min-block-size: 6rem;
      white-space: pre-wrap;
    }
  `,
})
export class RightsTasksPage {
  private readonly api = inject(RightsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly noticeView = viewChild(NoticeBox);
  private readonly language = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  });

  protected readonly answers = ANSWERS;
  protected readonly tone = taskStatusTone;
  protected readonly dateTime = formatDateTime;

  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly tasks = signal<MyRightsTaskDto[]>([]);
  protected readonly groups = computed(() => [
    { key: 'open', heading: 'rights.tasks.openHeading', tasks: this.tasks().filter(isActionable) },
    {
      key: 'done',
      heading: 'rights.tasks.doneHeading',
      tasks: this.tasks().filter((t) => !isActionable(t)),
    },
  ]);
  protected readonly notice = signal<Notice | null>(null);
  protected readonly answering = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly attempted = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});

  protected readonly form = inject(NonNullableFormBuilder).group({
    status: ['' as RightsTaskAnswer | ''],
    note: [''],
  });

  constructor() {
    this.load();
  }

  protected text(key: string, params?: Record<string, unknown>): string {
    this.language();
    return this.transloco.translate(key, params);
  }

  protected errorKey(field: 'status' | 'note'): string | null {
    const server = this.serverErrors()[field];
    if (server) {
      return server;
    }
    if (!this.attempted()) {
      return null;
    }
    const value = this.form.getRawValue();
    if (field === 'status') {
      return value.status ? null : 'rights.fieldErrors.choose';
    }
    return value.status === 'AFGEWEZEN' && !value.note.trim() ? 'rights.fieldErrors.groundRequired' : null;
  }

  protected errorText(field: 'status' | 'note'): string | null {
    const key = this.errorKey(field);
    return key ? this.text(key) : null;
  }

  protected start(task: MyRightsTaskDto): void {
    this.notice.set(null);
    this.form.reset();
    this.attempted.set(false);
    this.serverErrors.set({});
    this.answering.set(task.id);
    this.focus(`rt-${task.id}-status-${ANSWERS[0]}`);
  }

  protected cancel(task: MyRightsTaskDto): void {
    this.answering.set(null);
    this.focus(`rt-${task.id}-answer`);
  }

  protected submit(task: MyRightsTaskDto): void {
    if (this.busy()) {
      return;
    }
    this.attempted.set(true);
    this.serverErrors.set({});
    const invalid = (['status', 'note'] as const).find((f) => this.errorKey(f) !== null);
    if (invalid) {
      this.focus(invalid === 'status' ? `rt-${task.id}-status-${ANSWERS[0]}` : `rt-${task.id}-note`);
      return;
    }
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.api
      .answerTask(task.id, {
        status: value.status as RightsTaskAnswer,
        note: value.note.trim() || null,
        version: task.version,
      })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (answered) => {
          this.answering.set(null);
          this.tasks.update((tasks) => tasks.map((t) => (t.id === answered.id ? answered : t)));
          this.show({
            type: 'ok',
            key: 'rights.tasks.answered',
            params: {
              number: answered.request.number,
              status: this.text(`rights.taskStatuses.${answered.status}`),
            },
          });
        },
        error: (error: unknown) => this.failed(error),
      });
  }

  private failed(error: unknown): void {
    switch (failureKind(error)) {
      case 'invalid': {
        const fields: Record<string, string> = {};
        for (const problem of problemOf(error)?.errors ?? []) {
          if ((problem.field === 'status' || problem.field === 'note') && !fields[problem.field]) {
            fields[problem.field] =
              problem.field === 'note' ? 'rights.fieldErrors.groundRequired' : 'rights.fieldErrors.choose';
          }
        }
        this.serverErrors.set(fields);
        return;
      }
      case 'conflict':
        this.show({
          type: 'error',
          key:
            problemCode(error) === 'rights_request.closed'
              ? 'rights.tasks.errors.closed'
              : 'rights.tasks.errors.stale',
        });
        this.load();
        return;
      case 'notFound':
        this.show({ type: 'error', key: 'rights.tasks.errors.notFound' });
        this.load();
        return;
      default:
        this.show(genericFailure(error));
    }
  }

  private load(): void {
    this.api
      .myTasks()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (tasks) => {
          this.tasks.set(tasks);
          this.state.set('ready');
        },
        error: () => this.state.set('failed'),
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
