import { NgTemplateOutlet } from '@angular/common';
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
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  IDENTITY_METHODS,
  RIGHTS_MAX_EXTENSION_MONTHS,
  type IdentityMethod,
  rightsDueDate,
  type RightsRequestDetailDto,
} from '@casustafel/shared/contracts';
import { problemOf } from '@casustafel/web/auth/data-access';
import { RightsApi } from '@casustafel/web/cases/data-access';
import {
  Alert,
  FormField,
  Textbox,
  UtrechtLazyStyles,
  Badge,
  NoticeBox,
  type Notice,
} from '@casustafel/web/shared/ui';
import { Observable, finalize } from 'rxjs';
import { TODAY, formatDate, formatDateTime } from '../detail/detail-util';
import { failureKind, genericFailure, problemCode } from '../shared/server-errors';
import { RightsDeadline } from './rights-deadline';
import { serverErrorKey } from './rights-request-form';
import { deadlineOf, isOpenRequest, requestStatusTone, taskStatusTone } from './rights-util';

type Action = 'extend' | 'close' | 'reject';
type Field = 'identityMethod' | 'months' | 'reason' | 'outcome';

/** 409s with words of their own (the problem type's code). */
const CONFLICTS: Record<string, string> = {
  'rights_request.state': 'rights.detail.errors.state',
  'rights_request.closed': 'rights.detail.errors.closed',
  'rights_request.tasks_open': 'rights.detail.errors.tasksOpen',
  'rights_request.already_extended': 'rights.detail.errors.alreadyExtended',
  'rights_request.past_due': 'rights.detail.errors.pastDue',
};

/**
 * One request for the contactpunt (`/verzoeken-betrokkenen/:requestId`): its facts, who it is about,
 * the legal deadline (and its extension), and per joint controller its task — status, counts, who
 * answered, the note — with open tasks of an overdue request flagged. Here the contactpunt sends a
 * waiting request out once the identity is verified, extends the deadline once, and closes
 * (afgerond, when every task is done) or refuses the request.
 */
@Component({
  selector: 'cst-rights-request-detail-page',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    Alert,
    FormField,
    Textbox,
    UtrechtLazyStyles,
    Badge,
    NoticeBox,
    RightsDeadline,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rights-request-detail-page.html',
  styleUrl: '../shared/cases-page.scss',
  styles: `
    .cst-section {
      display: grid;
      gap: 1rem;
    }
    .cst-section > p {
      margin: 0;
    }
    .cst-task--overdue {
      border-inline-start: 4px solid var(--utrecht-color-red-30, #990000);
    }
    .cst-caption {
      margin: 0;
    }
    .cst-panel__heading:focus {
      outline: none;
    }
    .cst-panel__heading:focus-visible {
      outline: 2px dotted currentColor;
      outline-offset: 4px;
    }
    textarea.cst-textbox {
      min-block-size: 6rem;
      white-space: pre-wrap;
    }
  `,
})
export class RightsRequestDetailPage {
  private readonly api = inject(RightsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly noticeView = viewChild(NoticeBox);
  private readonly today = inject(TODAY);
  private readonly id = inject(ActivatedRoute).snapshot.paramMap.get('requestId') ?? '';
  private readonly language = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  });

  protected readonly methods = IDENTITY_METHODS;
  protected readonly monthChoices = Array.from({ length: RIGHTS_MAX_EXTENSION_MONTHS }, (_, i) => i + 1);
  protected readonly date = formatDate;
  protected readonly dateTime = formatDateTime;
  protected readonly requestTone = requestStatusTone;
  protected readonly taskTone = taskStatusTone;

  protected readonly state = signal<'loading' | 'ready' | 'notFound' | 'failed'>('loading');
  protected readonly request = signal<RightsRequestDetailDto | null>(null);
  protected readonly notice = signal<Notice | null>(null);
  protected readonly busy = signal(false);
  protected readonly action = signal<Action | null>(null);
  protected readonly attempted = signal(false);
  protected readonly serverErrors = signal<Partial<Record<Field, string>>>({});

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly fanOutForm = this.fb.group({ identityMethod: [''] });
  protected readonly extendForm = this.fb.group({ months: [0], reason: [''] });
  protected readonly closeForm = this.fb.group({ outcome: [''] });

  protected readonly isOpen = computed(() => {
    const r = this.request();
    return !!r && isOpenRequest(r.status);
  });
  /** Open tasks of a request past its deadline are flagged. */
  protected readonly overdue = computed(() => {
    const r = this.request();
    return !!r && deadlineOf(this.today(), r.dueAt, isOpenRequest(r.status)).tone === 'danger';
  });
  protected readonly extendedDue = signal<string | null>(null);
  /** The inzage report (PDF), once an INZAGE request has gone out to the joint controllers. */
  protected readonly reportUrl = computed(() => {
    const r = this.request();
    return r && r.type === 'INZAGE' && (r.status === 'IN_BEHANDELING' || r.status === 'AFGEROND')
      ? this.api.reportUrl(r.id)
      : null;
  });

  constructor() {
    // Only right after the form's save: not when the page is reloaded (the browser keeps the state).
    const navigation = inject(Router).currentNavigation();
    const handedOver =
      navigation?.trigger === 'imperative' && navigation.previousNavigation
        ? (navigation.extras.state as { notice?: Notice } | undefined)?.notice
        : undefined;
    this.api
      .request(this.id)
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (request) => {
          this.request.set(request);
          this.state.set('ready');
          if (handedOver) {
            this.show(handedOver);
          }
        },
        error: (error: unknown) => this.state.set(failureKind(error) === 'notFound' ? 'notFound' : 'failed'),
      });
    this.extendForm.controls.months.valueChanges.pipe(takeUntilDestroyed()).subscribe((months) => {
      const r = this.request();
      this.extendedDue.set(r && months ? formatDate(rightsDueDate(r.receivedAt, Number(months))) : null);
    });
  }

  protected text(key: string, params?: Record<string, unknown>): string {
    this.language();
    return this.transloco.translate(key, params);
  }

  /** The error of a field of the open form: the client's after an attempt, else the server's. */
  protected errorKey(field: Field): string | null {
    const server = this.serverErrors()[field];
    if (server) {
      return server;
    }
    if (!this.attempted()) {
      return null;
    }
    switch (field) {
      case 'identityMethod':
        return this.fanOutForm.controls.identityMethod.value ? null : 'rights.fieldErrors.choose';
      case 'months':
        return this.extendForm.controls.months.value ? null : 'rights.fieldErrors.choose';
      case 'reason':
        return this.extendForm.controls.reason.value.trim() ? null : 'rights.fieldErrors.required';
      case 'outcome':
        return this.closeForm.controls.outcome.value.trim() ? null : 'rights.fieldErrors.required';
    }
  }

  protected errorText(field: Field): string | null {
    const key = this.errorKey(field);
    return key ? this.text(key) : null;
  }

  protected open(action: Action): void {
    this.notice.set(null);
    this.attempted.set(false);
    this.serverErrors.set({});
    this.extendForm.reset();
    this.closeForm.reset();
    this.extendedDue.set(null);
    this.action.set(action);
    this.focus(`rr-${action}-heading`);
  }

  protected cancel(): void {
    const action = this.action();
    this.action.set(null);
    if (action) {
      this.focus(`rr-${action}-open`);
    }
  }

  protected fanOut(request: RightsRequestDetailDto): void {
    this.attempted.set(true);
    if (this.guard(['identityMethod'])) {
      return;
    }
    const method = this.fanOutForm.controls.identityMethod.value as IdentityMethod;
    this.change(
      this.api.fanOut(request.id, { identityMethod: method, version: request.version }),
      (done) => ({
        type: 'ok',
        key: 'rights.detail.fanOut.done',
        params: { count: String(done.tasks.length) },
      }),
    );
  }

  protected extend(request: RightsRequestDetailDto): void {
    this.attempted.set(true);
    if (this.guard(['months', 'reason'])) {
      return;
    }
    const value = this.extendForm.getRawValue();
    this.change(
      this.api.extend(request.id, {
        months: Number(value.months),
        reason: value.reason.trim(),
        version: request.version,
      }),
      (done) => ({ type: 'ok', key: 'rights.detail.extend.done', params: { date: formatDate(done.dueAt) } }),
    );
  }

  protected close(request: RightsRequestDetailDto, status: 'AFGEROND' | 'AFGEWEZEN'): void {
    this.attempted.set(true);
    if (this.guard(['outcome'])) {
      return;
    }
    this.change(
      this.api.close(request.id, {
        status,
        outcome: this.closeForm.controls.outcome.value.trim(),
        version: request.version,
      }),
      () => ({
        type: 'ok',
        key: status === 'AFGEROND' ? 'rights.detail.close.done' : 'rights.detail.reject.done',
      }),
    );
  }

  protected reload(): void {
    this.api
      .request(this.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (request) => {
          this.request.set(request);
          this.notice.set(null);
          this.action.set(null);
        },
        error: (error: unknown) => this.state.set(failureKind(error) === 'notFound' ? 'notFound' : 'failed'),
      });
  }

  /** Client checks of the open form: true (and focus on the first problem) when something is missing. */
  private guard(fields: Field[]): boolean {
    this.serverErrors.set({});
    const invalid = fields.find((f) => this.errorKey(f) !== null);
    if (invalid) {
      this.focus(this.fieldId(invalid));
      return true;
    }
    return false;
  }

  private fieldId(field: Field): string {
    return field === 'months' ? 'rr-months-1' : `rr-${field}`;
  }

  private change(
    call: Observable<RightsRequestDetailDto>,
    done: (r: RightsRequestDetailDto) => Notice,
  ): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    call
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (request) => {
          this.request.set(request);
          this.action.set(null);
          this.attempted.set(false);
          this.show(done(request));
        },
        error: (error: unknown) => this.failed(error),
      });
  }

  private failed(error: unknown): void {
    switch (failureKind(error)) {
      case 'invalid': {
        const fields: Partial<Record<Field, string>> = {};
        for (const problem of problemOf(error)?.errors ?? []) {
          const field = problem.field as Field;
          if (['identityMethod', 'months', 'reason', 'outcome'].includes(field) && !fields[field]) {
            fields[field] = serverErrorKey(problem.code);
          }
        }
        this.serverErrors.set(fields);
        const first = (['identityMethod', 'months', 'reason', 'outcome'] as Field[]).find((f) => fields[f]);
        if (first) {
          this.focus(this.fieldId(first));
        } else {
          this.show({ type: 'error', key: 'cases.errors.invalid' });
        }
        return;
      }
      case 'conflict': {
        const key = CONFLICTS[problemCode(error)];
        this.show({ type: 'error', key: key ?? 'rights.detail.errors.stale' });
        return;
      }
      case 'notFound':
        this.show({ type: 'error', key: 'rights.detail.notFound' });
        return;
      default:
        this.show(genericFailure(error));
    }
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
