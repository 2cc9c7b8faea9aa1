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
import {
  ACTION_NOT_DONE_REASONS,
  type ActionDto,
  type ActionNotDoneReason,
  type ActionScope,
  type ActionStatus,
} from '@casustafel/shared/contracts';
import { statusOf } from '@casustafel/web/auth/data-access';
import { ActionsApi } from '@casustafel/web/meetings/data-access';
import {
  Alert,
  FormField,
  Textbox,
  UtrechtLazyStyles,
  Badge,
  NoticeBox,
  type Notice,
} from '@casustafel/web/shared/ui';
import { finalize } from 'rxjs';
import { actionStatusTone, fieldErrorsOf, meetingFailure } from '../shared/meeting-view';
import { formatDate } from '@casustafel/web/shared/i18n';

const CLOSED: readonly ActionStatus[] = ['AFGEROND', 'NIET_UITGEVOERD', 'VERVALLEN'];
const WORK_STATUSES: readonly ActionStatus[] = ['OPEN', 'IN_UITVOERING', 'AFGEROND', 'NIET_UITGEVOERD'];

/**
 * "Mijn acties" (issue 6 item 7, scenario 12): the actions assigned to the user or to the user's
 * organisation, running ones first (overdue first, in words and colour), with a status change form:
 * open, in uitvoering, afgerond, niet uitgevoerd (with a reason; "anders" needs an explanation), and
 * vervallen for whoever may cancel (the chair).
 */
@Component({
  selector: 'cst-my-actions-page',
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
  templateUrl: './my-actions-page.html',
  styleUrl: '../shared/meetings-page.scss',
  styles: `
    .cst-scope {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .cst-scope [aria-pressed='true'] {
      outline: 3px solid var(--utrecht-color-red-40);
      outline-offset: 2px;
    }
  `,
})
export class MyActionsPage {
  private readonly api = inject(ActionsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly transloco = inject(TranslocoService);
  private readonly noticeView = viewChild(NoticeBox);
  private readonly language = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  });

  protected readonly scopes: readonly ActionScope[] = ['mine', 'organisation'];
  protected readonly reasons = ACTION_NOT_DONE_REASONS;
  protected readonly date = formatDate;
  protected readonly tone = actionStatusTone;

  protected readonly scope = signal<ActionScope>('mine');
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly actions = signal<ActionDto[]>([]);
  protected readonly editing = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly attempted = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly notice = signal<Notice | null>(null);

  protected readonly groups = computed(() => {
    const byDue = (a: ActionDto, b: ActionDto) =>
      Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate);
    const all = this.actions();
    return [
      { key: 'open', list: all.filter((a) => !CLOSED.includes(a.status)).sort(byDue) },
      { key: 'closed', list: all.filter((a) => CLOSED.includes(a.status)).sort(byDue) },
    ];
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    status: ['' as ActionStatus | ''],
    notDoneReason: ['' as ActionNotDoneReason | ''],
    note: [''],
  });

  constructor() {
    this.load();
  }

  protected text(key: string, params?: Record<string, unknown>): string {
    this.language();
    return this.transloco.translate(key, params);
  }

  protected statusesFor(action: ActionDto): ActionStatus[] {
    return [...WORK_STATUSES, ...(action.can.cancel ? (['VERVALLEN'] as const) : [])];
  }

  protected chooseScope(scope: ActionScope): void {
    if (scope !== this.scope()) {
      this.scope.set(scope);
      this.editing.set(null);
      this.state.set('loading');
      this.load();
    }
  }

  protected errorKey(field: 'status' | 'notDoneReason' | 'note'): string | null {
    const server = this.serverErrors()[field];
    if (server) {
      return server;
    }
    if (!this.attempted()) {
      return null;
    }
    const v = this.form.getRawValue();
    switch (field) {
      case 'status':
        return v.status ? null : 'myActions.chooseStatus';
      case 'notDoneReason':
        return v.status === 'NIET_UITGEVOERD' && !v.notDoneReason ? 'myActions.chooseReason' : null;
      case 'note':
        return v.status === 'NIET_UITGEVOERD' && v.notDoneReason === 'ANDERS' && !v.note.trim()
          ? 'myActions.noteNeeded'
          : null;
    }
  }

  protected errorText(field: 'status' | 'notDoneReason' | 'note'): string | null {
    const key = this.errorKey(field);
    return key ? this.text(key) : null;
  }

  protected start(action: ActionDto): void {
    this.notice.set(null);
    this.attempted.set(false);
    this.serverErrors.set({});
    this.form.reset({ status: action.status, notDoneReason: action.notDoneReason ?? '', note: '' });
    this.editing.set(action.id);
    this.focus(`act-${action.id}-status-${action.status}`);
  }

  protected cancel(action: ActionDto): void {
    this.editing.set(null);
    this.focus(`act-${action.id}-change`);
  }

  protected submit(action: ActionDto): void {
    if (this.busy()) {
      return;
    }
    this.attempted.set(true);
    this.serverErrors.set({});
    const invalid = (['status', 'notDoneReason', 'note'] as const).find((f) => this.errorKey(f));
    if (invalid) {
      const v = this.form.getRawValue();
      this.focus(
        invalid === 'status'
          ? `act-${action.id}-status-OPEN`
          : invalid === 'notDoneReason'
            ? `act-${action.id}-reason-${v.notDoneReason || ACTION_NOT_DONE_REASONS[0]}`
            : `act-${action.id}-note`,
      );
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.api
      .updateStatus(action.id, {
        status: v.status as ActionStatus,
        notDoneReason: v.status === 'NIET_UITGEVOERD' ? (v.notDoneReason as ActionNotDoneReason) : null,
        note: v.note.trim() || null,
        version: action.version,
      })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => {
          this.editing.set(null);
          this.actions.update((list) => list.map((a) => (a.id === updated.id ? updated : a)));
          this.show({
            type: 'ok',
            key: 'myActions.saved',
            params: { status: this.text(`myActions.statuses.${updated.status}`) },
          });
        },
        error: (error: unknown) => {
          const fields = fieldErrorsOf(error);
          if (Object.keys(fields).length) {
            this.serverErrors.set(fields);
            return;
          }
          if (statusOf(error) === 409) {
            this.show({ type: 'error', key: 'myActions.conflict' });
            this.load();
            return;
          }
          this.show(meetingFailure(error));
        },
      });
  }

  private load(): void {
    this.api
      .list(this.scope())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (actions) => {
          this.actions.set(actions);
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
