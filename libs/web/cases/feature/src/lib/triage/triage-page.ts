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
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  TRIAGE_OUTCOMES,
  type CaseTableDto,
  type RegistrationDto,
  type TriageOutcome,
} from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';
import {
  Alert,
  FormField,
  Textbox,
  UtrechtLazyStyles,
  Badge,
  NoticeBox,
  type Notice,
  ErrorSummary,
  type SummaryError,
} from '@casustafel/web/shared/ui';
import { Observable, catchError, distinctUntilChanged, finalize, map, of, startWith, switchMap } from 'rxjs';
import { RegistrationView } from '../shared/registration-view';
import { failureKind, genericFailure, splitFieldErrors } from '../shared/server-errors';
import { TriageOutcome as TriageOutcomeView } from '../shared/triage-outcome';
import { checkDecision, toDecisionRequest } from './triage-decision';
import { registrationStateTone } from '../shared/state-tones';
import { formatDate, formatDateTime } from '@casustafel/web/shared/i18n';

type Detail =
  | { kind: 'loading' }
  | { kind: 'ready'; registration: RegistrationDto }
  | { kind: 'failed'; notFound: boolean };

const QUEUE_STATES = ['AANGEMELD', 'IN_TRIAGE'] as const;
// In the order of the form (the referral field comes before the advice).
const DECISION_FIELDS = ['outcome', 'referral', 'advice'] as const;
const DECISION_IDS: Record<(typeof DECISION_FIELDS)[number], string> = {
  outcome: `triage-outcome-${TRIAGE_OUTCOMES[0]}`,
  advice: 'triage-advice',
  referral: 'triage-referral',
};

/**
 * Triage: the submitted and in-triage registrations of the tables where the user triages, grouped
 * by state. `?aanmelding=<id>` opens one (so back returns to the board): its content, the "known
 * elsewhere" hint (table, procesregisseur, since — never more), "Triage starten", and the decision.
 */
@Component({
  selector: 'cst-triage-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    Alert,
    FormField,
    Textbox,
    UtrechtLazyStyles,
    Badge,
    NoticeBox,
    ErrorSummary,
    RegistrationView,
    TriageOutcomeView,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './triage-page.html',
  styleUrl: '../shared/cases-page.scss',
  styles: `
    .cst-board {
      display: grid;
      gap: 2rem;
      @media (width >= 64em) {
        align-items: start;
        grid-template-columns: 1fr 1fr;
      }
    }
    .cst-group {
      display: grid;
      gap: 1rem;
    }
    .cst-group > p {
      margin: 0;
    }
    .cst-known {
      background-color: var(--utrecht-color-yellow-80);
      border-inline-start: 4px solid var(--utrecht-color-yellow-40);
      display: grid;
      gap: 0.5rem;
      padding: 1rem;
    }
    .cst-known p,
    .cst-known ul {
      margin: 0;
    }
  `,
})
export class TriagePage {
  private readonly api = inject(CasesApi);
  private readonly transloco = inject(TranslocoService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly noticeView = viewChild(NoticeBox);
  private readonly summaryView = viewChild(ErrorSummary);

  protected readonly outcomes = TRIAGE_OUTCOMES;
  protected readonly tone = registrationStateTone;
  protected readonly dateTime = formatDateTime;

  protected readonly queueState = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly queue = signal<RegistrationDto[]>([]);
  protected readonly groups = computed(() =>
    QUEUE_STATES.map((state) => ({ state, items: this.queue().filter((r) => r.state === state) })),
  );
  protected readonly tables = signal<CaseTableDto[]>([]);
  protected readonly detail = signal<Detail | null>(null);
  protected readonly registration = computed(() => {
    const detail = this.detail();
    return detail?.kind === 'ready' ? detail.registration : null;
  });
  protected readonly signals = computed(
    () => this.tables().find((t) => t.id === this.registration()?.tableId)?.signals ?? [],
  );
  protected readonly notice = signal<Notice | null>(null);
  protected readonly busy = signal(false);
  protected readonly attempted = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});

  protected readonly decision = inject(NonNullableFormBuilder).group({
    outcome: ['' as TriageOutcome | ''],
    advice: [''],
    referral: [''],
  });
  private readonly decisionValue = toSignal(
    this.decision.valueChanges.pipe(
      startWith(null),
      map(() => this.decision.getRawValue()),
    ),
    { initialValue: this.decision.getRawValue() },
  );
  private readonly language = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  });

  protected readonly errors = computed<Record<string, string>>(() =>
    this.attempted() ? { ...checkDecision(this.decisionValue()), ...this.serverErrors() } : {},
  );
  protected readonly summary = computed<SummaryError[]>(() => {
    this.language();
    const errors = this.errors();
    const labels: Record<string, string> = {
      outcome: 'cases.triage.outcome',
      advice: 'cases.triage.advice',
      referral: 'cases.triage.referral',
    };
    return DECISION_FIELDS.filter((f) => errors[f]).map((f) => ({
      fieldId: DECISION_IDS[f],
      label: this.transloco.translate(labels[f]),
      message: this.transloco.translate(errors[f]),
    }));
  });

  /** The registration last opened: back on the board, focus returns to its link. */
  private lastOpened: string | null = null;

  constructor() {
    this.api
      .tables()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (tables) => this.tables.set(tables), error: () => this.tables.set([]) });
    this.loadQueue();

    inject(ActivatedRoute)
      .queryParamMap.pipe(
        map((params) => params.get('aanmelding')),
        distinctUntilChanged(),
        switchMap((id): Observable<{ id: string | null; detail: Detail | null }> => {
          this.notice.set(null);
          this.resetDecision();
          if (!id) {
            return of({ id, detail: null });
          }
          this.detail.set({ kind: 'loading' });
          return this.api.registration(id).pipe(
            map((registration): Detail => ({ kind: 'ready', registration })),
            catchError((error: unknown) =>
              of<Detail>({ kind: 'failed', notFound: failureKind(error) === 'notFound' }),
            ),
            map((detail) => ({ id, detail })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe(({ id, detail }) => {
        this.detail.set(detail);
        if (id) {
          this.lastOpened = id;
          this.focus('#triage-detail-heading');
        } else if (this.lastOpened) {
          this.focus(`[id="triage-open-${this.lastOpened}"]`);
        }
      });
  }

  /** The "known elsewhere" hint of one hit, with the person's name from this registration. */
  protected knownText(hit: RegistrationDto['knownElsewhere'][number]): string {
    this.language();
    const person = this.registration()?.persons.find((p) => p.id === hit.personRef);
    const name = person ? `${person.givenName ?? ''} ${person.familyName ?? ''}`.trim() : '';
    // A hit on a case closed within the table's window is a re-referral, which triage weighs.
    return this.transloco.translate(
      hit.closedAt ? 'cases.triage.knownItemClosed' : 'cases.triage.knownItem',
      {
        person: name || this.transloco.translate('cases.triage.knownPerson'),
        table: hit.tableName,
        procesregisseur:
          hit.procesregisseur ?? this.transloco.translate('cases.triage.knownNoProcesregisseur'),
        since: formatDate(hit.since),
        closedAt: formatDate(hit.closedAt),
      },
    );
  }

  protected errorText(field: string): string | null {
    this.language();
    const key = this.errors()[field];
    return key ? this.transloco.translate(key) : null;
  }

  protected start(registration: RegistrationDto): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.notice.set(null);
    this.api
      .startTriage(registration.id)
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (started) => {
          this.detail.set({ kind: 'ready', registration: started });
          this.loadQueue();
          this.show({ type: 'ok', key: 'cases.triage.started', params: { number: started.number } });
        },
        error: (error: unknown) => this.failed(error),
      });
  }

  protected decide(registration: RegistrationDto): void {
    if (this.busy()) {
      return;
    }
    this.attempted.set(true);
    this.serverErrors.set({});
    this.notice.set(null);
    const value = this.decision.getRawValue();
    if (Object.keys(checkDecision(value)).length > 0) {
      this.focusSummary();
      return;
    }
    this.busy.set(true);
    this.api
      .decideTriage(registration.id, toDecisionRequest(value, registration.version))
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (decided) => {
          this.detail.set({ kind: 'ready', registration: decided });
          this.resetDecision();
          this.loadQueue();
          this.language();
          this.show({
            type: 'ok',
            key: 'cases.triage.decided',
            params: {
              number: decided.number,
              outcome: this.transloco.translate(
                `domain.triageOutcomes.${decided.triage?.outcome ?? value.outcome}`,
              ),
            },
          });
        },
        error: (error: unknown) => {
          if (failureKind(error) === 'invalid') {
            const { fields, other } = splitFieldErrors(error, (field) =>
              (DECISION_FIELDS as readonly string[]).includes(field) ? field : null,
            );
            this.serverErrors.set(fields);
            if (other.length > 0) {
              this.show({ type: 'error', key: 'cases.errors.invalid', details: other });
            } else {
              this.focusSummary();
            }
          } else {
            this.failed(error);
          }
        },
      });
  }

  protected reload(): void {
    const current = this.registration();
    if (!current) {
      return;
    }
    this.notice.set(null);
    this.resetDecision();
    this.loadQueue();
    this.api
      .registration(current.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (registration) => this.detail.set({ kind: 'ready', registration }),
        error: (error: unknown) =>
          this.detail.set({ kind: 'failed', notFound: failureKind(error) === 'notFound' }),
      });
  }

  private failed(error: unknown): void {
    switch (failureKind(error)) {
      case 'conflict':
        this.show({ type: 'error', key: 'cases.errors.triageState' });
        return;
      case 'notFound':
        this.show({ type: 'error', key: 'cases.errors.notFound' });
        return;
      default:
        this.show(genericFailure(error));
    }
  }

  private loadQueue(): void {
    this.api
      .triageQueue()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (queue) => {
          this.queue.set(queue);
          this.queueState.set('ready');
        },
        error: () => this.queueState.set('failed'),
      });
  }

  private resetDecision(): void {
    this.decision.reset();
    this.attempted.set(false);
    this.serverErrors.set({});
  }

  private show(notice: Notice): void {
    this.notice.set(notice);
    afterNextRender(() => this.noticeView()?.focus(), { injector: this.injector });
  }

  private focusSummary(): void {
    afterNextRender(() => this.summaryView()?.focus(), { injector: this.injector });
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
