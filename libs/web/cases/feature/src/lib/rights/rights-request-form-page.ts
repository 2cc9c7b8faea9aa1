import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { rightsDueDate, type RightsLookupResponse } from '@casustafel/shared/contracts';
import { problemOf } from '@casustafel/web/auth/data-access';
import { RightsApi } from '@casustafel/web/cases/data-access';
import {
  FormField,
  Textbox,
  UtrechtLazyStyles,
  NoticeBox,
  type Notice,
  ErrorSummary,
  type SummaryError,
} from '@casustafel/web/shared/ui';
import { distinctUntilChanged, finalize, map, startWith } from 'rxjs';
import { TODAY, formatDate } from '../detail/detail-util';
import { failureKind, genericFailure } from '../shared/server-errors';
import {
  CHANNELS,
  FIELDS,
  FIELD_IDS,
  FIELD_LABELS,
  METHODS,
  REQUESTERS,
  TYPES,
  checkRightsForm,
  checkSubject,
  createRightsForm,
  formFieldOf,
  serverErrorKey,
  toCreateRequest,
  toSubject,
  type RightsField,
} from './rights-request-form';

type Lookup =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; result: RightsLookupResponse }
  | { kind: 'failed' };

/**
 * A new data-subject request (`/verzoeken-betrokkenen/nieuw`): what was asked, when and how it came
 * in, who it is about, and whether the identity is verified. "Opzoeken" shows how many persons and
 * cases match and which organisations will get a task — counts and names of organisations only.
 * The legal deadline is shown as soon as the date of receipt is known. With a verified identity
 * the request goes out at once; without, it waits.
 */
@Component({
  selector: 'cst-rights-request-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    FormField,
    Textbox,
    UtrechtLazyStyles,
    NoticeBox,
    ErrorSummary,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rights-request-form-page.html',
  styleUrl: '../shared/cases-page.scss',
  styles: `
    .cst-section {
      display: grid;
      gap: 1.25rem;
    }
    .cst-section > p,
    .cst-fieldset-error {
      margin: 0;
    }
    .cst-subject {
      display: grid;
      gap: 1.25rem 1.5rem;
      grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
    }
    .cst-subject .utrecht-form-field {
      margin: 0;
    }
    .cst-lookup {
      background-color: var(--utrecht-color-blue-90, #e5f0f9);
      border-inline-start: 4px solid var(--utrecht-color-blue-35, #1a5a96);
      display: grid;
      gap: 0.5rem;
      padding: 1rem;
    }
    .cst-lookup p,
    .cst-lookup ul {
      margin: 0;
    }
    .cst-deadline-preview {
      font-weight: bold;
      margin: 0;
    }
  `,
})
export class RightsRequestFormPage {
  private readonly api = inject(RightsApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly noticeView = viewChild(NoticeBox);
  private readonly summaryView = viewChild(ErrorSummary);
  private readonly today = inject(TODAY)();

  protected readonly types = TYPES;
  protected readonly channels = CHANNELS;
  protected readonly requesters = REQUESTERS;
  protected readonly methods = METHODS;
  protected readonly ids = FIELD_IDS;
  protected readonly maxDate = this.today;

  protected readonly form = createRightsForm(inject(NonNullableFormBuilder), this.today);
  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { initialValue: this.form.getRawValue() },
  );
  private readonly language = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  });

  protected readonly busy = signal(false);
  protected readonly attempted = signal<'lookup' | 'submit' | null>(null);
  protected readonly serverErrors = signal<Partial<Record<RightsField, string>>>({});
  protected readonly otherErrors = signal<string[]>([]);
  protected readonly notice = signal<Notice | null>(null);
  protected readonly lookup = signal<Lookup>({ kind: 'idle' });
  protected readonly lookupResult = computed(() => {
    const lookup = this.lookup();
    return lookup.kind === 'done' ? lookup.result : null;
  });

  protected readonly errors = computed<Partial<Record<RightsField, string>>>(() => {
    const attempted = this.attempted();
    if (!attempted) {
      return {};
    }
    const client =
      attempted === 'lookup' ? checkSubject(this.value()) : checkRightsForm(this.value(), this.today);
    return { ...client, ...this.serverErrors() };
  });

  protected readonly summary = computed<SummaryError[]>(() => {
    this.language();
    const errors = this.errors();
    const t = (key: string) => this.transloco.translate(key);
    return [
      ...FIELDS.filter((f) => errors[f]).map((f) => ({
        fieldId: FIELD_IDS[f],
        label: t(FIELD_LABELS[f]),
        message: t(errors[f] as string),
      })),
      ...this.otherErrors().map((key) => ({ fieldId: null, label: '', message: t(key) })),
    ];
  });

  /** The legal deadline for the date of receipt as typed (one calendar month). */
  protected readonly deadline = computed(() => {
    const receivedAt = this.value().receivedAt;
    return /^\d{4}-\d{2}-\d{2}$/.test(receivedAt) && receivedAt <= this.today
      ? formatDate(rightsDueDate(receivedAt))
      : null;
  });

  constructor() {
    // A changed person makes the look-up's answer stale.
    this.form.valueChanges
      .pipe(
        map(() => JSON.stringify(toSubject(this.form.getRawValue()))),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        if (this.lookup().kind !== 'busy') {
          this.lookup.set({ kind: 'idle' });
        }
      });
  }

  protected errorText(field: RightsField): string | null {
    this.language();
    const key = this.errors()[field];
    return key ? this.transloco.translate(key) : null;
  }

  protected findPerson(): void {
    if (this.lookup().kind === 'busy') {
      return;
    }
    this.attempted.set('lookup');
    this.serverErrors.set({});
    this.otherErrors.set([]);
    if (Object.keys(checkSubject(this.value())).length > 0) {
      this.focusSummary();
      return;
    }
    this.lookup.set({ kind: 'busy' });
    this.api
      .lookup(toSubject(this.value()))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => this.lookup.set({ kind: 'done', result }),
        error: (error: unknown) => {
          this.lookup.set({ kind: 'failed' });
          this.serverFailure(error);
        },
      });
  }

  protected submit(): void {
    if (this.busy()) {
      return;
    }
    this.attempted.set('submit');
    this.serverErrors.set({});
    this.otherErrors.set([]);
    this.notice.set(null);
    if (Object.keys(checkRightsForm(this.value(), this.today)).length > 0) {
      this.focusSummary();
      return;
    }
    this.busy.set(true);
    this.api
      .create(toCreateRequest(this.value()))
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (created) => {
          const notice: Notice =
            created.status === 'ONTVANGEN'
              ? { type: 'ok', key: 'rights.form.createdWaiting', params: { number: created.number } }
              : {
                  type: 'ok',
                  key: 'rights.form.created',
                  params: { number: created.number, count: String(created.tasks.length) },
                };
          void this.router.navigate(['/verzoeken-betrokkenen', created.id], { state: { notice } });
        },
        error: (error: unknown) => this.serverFailure(error),
      });
  }

  private serverFailure(error: unknown): void {
    if (failureKind(error) === 'invalid') {
      const fields: Partial<Record<RightsField, string>> = {};
      const other: string[] = [];
      for (const problem of problemOf(error)?.errors ?? []) {
        const field = formFieldOf(problem.field);
        if (field === null) {
          other.push(serverErrorKey(problem.code));
        } else if (!fields[field]) {
          fields[field] = serverErrorKey(problem.code);
        }
      }
      this.serverErrors.set(fields);
      this.otherErrors.set([...new Set(other)]);
      this.focusSummary();
      return;
    }
    this.notice.set(genericFailure(error));
    afterNextRender(() => this.noticeView()?.focus(), { injector: this.injector });
  }

  private focusSummary(): void {
    afterNextRender(() => this.summaryView()?.focus(), { injector: this.injector });
  }
}
