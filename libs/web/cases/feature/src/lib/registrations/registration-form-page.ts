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
import { FormRecord, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  PERSON_ROLES,
  type CaseTableDto,
  type RegistrationDto,
  type RegistrationInput,
  type SignalDefinition,
  type TableOrganisation,
} from '@casustafel/shared/contracts';
import { SessionStore } from '@casustafel/web/auth/data-access';
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
import { finalize, map, startWith } from 'rxjs';
import { RegistrationView, groupByForm } from '../shared/registration-view';
import { failureKind, genericFailure, problemCode, splitFieldErrors } from '../shared/server-errors';
import { TriageOutcome } from '../shared/triage-outcome';
import {
  CRITERIA_FIELDS,
  LIMITS,
  PERSON_FIELDS,
  checkRegistration,
  createPersonForm,
  createRegistrationForm,
  createSignalForm,
  formFieldOf,
  formValueOf,
  isSelectable,
  registrableTables,
  toRegistrationInput,
  type SignalForm,
} from './registration-form';
import type { RegistrationsNavigationState } from './registrations-page';
import { registrationStateTone } from '../shared/state-tones';

type PageState = 'loading' | 'edit' | 'view' | 'noTables' | 'failed';

/** What this page hands over to itself after the first save of a new draft. */
interface SavedState {
  saved?: string;
}

const PERSON_LABELS: Record<(typeof PERSON_FIELDS)[number], string> = {
  givenName: 'cases.form.givenName',
  familyName: 'cases.form.familyName',
  dateOfBirth: 'cases.form.dateOfBirth',
  bsn: 'cases.form.bsn',
  address: 'cases.form.address',
  role: 'cases.form.role',
};

/**
 * A registration (aanmelding): new (`/aanmeldingen/nieuw`) or a draft (`/aanmeldingen/:id`) that
 * can be saved again or submitted; a submitted one is shown read-only with the triage outcome and
 * advice. Errors, the client's and the server's (RFC 9457 `errors[]`), are shown at their field and
 * listed in an error summary that takes focus; a 409 asks to reload.
 */
@Component({
  selector: 'cst-registration-form-page',
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
    TriageOutcome,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './registration-form-page.html',
  styleUrl: '../shared/cases-page.scss',
  styles: `
    .cst-section {
      display: grid;
      gap: 1rem;
    }
    .cst-section > p {
      margin: 0;
    }
    .cst-person {
      display: grid;
      gap: 1.25rem 1.5rem;
      grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
      margin-block-end: 1rem;
    }
    .cst-person .utrecht-form-field {
      margin: 0;
    }
    .cst-person .cst-wide {
      grid-column: 1 / -1;
    }
    .cst-signal-note {
      margin-inline-start: 2.25rem;
    }
    .cst-fieldset-error {
      margin-block-end: 0.5rem;
    }
  `,
})
export class RegistrationFormPage {
  private readonly api = inject(CasesApi);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly noticeView = viewChild(NoticeBox);
  private readonly summaryView = viewChild(ErrorSummary);

  protected readonly roles = PERSON_ROLES;
  protected readonly criteria = CRITERIA_FIELDS;
  protected readonly personFields = PERSON_FIELDS;
  protected readonly limits = LIMITS;
  protected readonly tone = registrationStateTone;

  protected readonly state = signal<PageState>('loading');
  protected readonly registration = signal<RegistrationDto | null>(null);
  protected readonly allTables = signal<CaseTableDto[]>([]);
  protected readonly tables = computed(() => registrableTables(this.allTables()));
  protected readonly organisations = signal<TableOrganisation[] | null>(null);
  protected readonly notice = signal<Notice | null>(null);
  protected readonly busy = signal(false);
  /** Which button was last pressed: what is required depends on it. Null: no errors shown yet. */
  protected readonly attempt = signal<'draft' | 'submit' | null>(null);
  /** Translation key per form field the server refused, until the next attempt. */
  protected readonly serverErrors = signal<Record<string, string>>({});
  /** Problems the server reported for no field the form shows. */
  protected readonly otherErrors = signal<string[]>([]);

  protected readonly form = createRegistrationForm(this.fb);
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

  protected readonly table = computed(() => {
    const tableId = this.registration()?.tableId ?? this.value().tableId;
    return this.allTables().find((t) => t.id === tableId) ?? null;
  });
  protected readonly signalGroups = computed(() => groupByForm(this.table()?.signals ?? [], (s) => s.form));
  protected readonly ownOrganisationId = computed(() => this.session.organisation()?.id ?? null);
  protected readonly proposable = computed(() =>
    (this.organisations() ?? []).filter((o) => o.id !== this.ownOrganisationId()),
  );

  /** Errors shown now: the server's, else the client's for the last attempt (updated while typing). */
  protected readonly errors = computed<Record<string, string>>(() => {
    const attempt = this.attempt();
    if (attempt === null) {
      return {};
    }
    return { ...checkRegistration(this.value(), attempt === 'submit'), ...this.serverErrors() };
  });

  protected readonly summary = computed<SummaryError[]>(() => {
    this.language();
    const errors = this.errors();
    const value = this.value();
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    const fields = [
      'tableId',
      'persons',
      ...value.persons.flatMap((_, i) => PERSON_FIELDS.map((f) => `persons.${i}.${f}`)),
      'reason',
      'goal',
      'discussedWithPerson',
      'notDiscussedReason',
      'criteria',
      'criteria.motivation',
      'signals',
      ...(this.table()?.signals ?? []).map((s) => `signals.${s.id}.note`),
      'participants',
    ];
    const listed: SummaryError[] = fields
      .filter((field) => errors[field])
      .map((field) => ({
        fieldId: this.fieldId(field),
        label: this.labelOf(field, t),
        message: t(errors[field]),
      }));
    return [...listed, ...this.otherErrors().map((key) => ({ fieldId: null, label: '', message: t(key) }))];
  });

  constructor() {
    const route = inject(ActivatedRoute);
    const id = route.snapshot.paramMap.get('registrationId');
    const navigation = this.router.currentNavigation();
    const saved =
      navigation?.trigger === 'imperative'
        ? (navigation.extras.state as SavedState | undefined)?.saved
        : undefined;
    if (saved) {
      this.notice.set({ type: 'ok', key: 'cases.form.saved', params: { number: saved } });
    }

    this.api
      .tables()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (tables) => {
          this.allTables.set(tables);
          if (id) {
            this.loadRegistration(id, Boolean(saved));
          } else {
            this.startNew();
          }
        },
        error: () => this.state.set('failed'),
      });

    this.form.controls.tableId.valueChanges.pipe(takeUntilDestroyed()).subscribe((tableId) => {
      // Another table: other signals and other partners.
      this.form.controls.participants.setValue([]);
      this.setSignals(this.allTables().find((t) => t.id === tableId)?.signals ?? []);
      this.loadOrganisations(tableId);
    });
  }

  // --- template helpers -----------------------------------------------------------------------------

  protected get persons() {
    return this.form.controls.persons;
  }

  /** The translated error of a form field, or null. */
  protected errorText(field: string): string | null {
    this.language();
    const key = this.errors()[field];
    return key ? this.transloco.translate(key) : null;
  }

  protected fieldId(field: string): string {
    const person = /^persons\.(\d+)\.(\w+)$/.exec(field);
    if (person) {
      return `reg-person-${person[1]}-${person[2]}`;
    }
    const note = /^signals\.(.+)\.note$/.exec(field);
    if (note) {
      return `reg-signal-${note[1]}-note`;
    }
    switch (field) {
      case 'tableId':
        return 'reg-table';
      case 'persons':
        return 'reg-add-person';
      case 'discussedWithPerson':
        return 'reg-discussed-yes';
      case 'notDiscussedReason':
        return 'reg-not-discussed-reason';
      case 'criteria':
        return `reg-criteria-${CRITERIA_FIELDS[0]}`;
      case 'criteria.motivation':
        return 'reg-criteria-motivation';
      case 'signals': {
        const first = this.table()?.signals[0];
        return first ? `reg-signal-${first.id}` : 'reg-add-person';
      }
      case 'participants':
        return 'reg-participants';
      default:
        return `reg-${field}`;
    }
  }

  protected isProposed(organisationId: string): boolean {
    return this.value().participants.includes(organisationId);
  }

  protected isSelectable = isSelectable;

  protected toggleParticipant(organisationId: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    const current = this.form.controls.participants.value.filter((id) => id !== organisationId);
    // Keep the order of the list, whatever order they were ticked in.
    const next = this.proposable()
      .map((o) => o.id)
      .filter((id) => (id === organisationId ? checked : current.includes(id)));
    this.form.controls.participants.setValue(next);
  }

  protected signalTicked(signalId: string): boolean {
    return this.value().signals[signalId]?.ticked ?? false;
  }

  protected addPerson(): void {
    this.persons.push(createPersonForm(this.fb));
    this.focusId(`reg-person-${this.persons.length - 1}-givenName`);
  }

  protected removePerson(index: number): void {
    this.persons.removeAt(index);
    // Errors of the persons after it now belong to someone else: let the server check again.
    this.serverErrors.update((errors) =>
      Object.fromEntries(Object.entries(errors).filter(([field]) => !field.startsWith('persons'))),
    );
    this.focusId(
      this.persons.length > 0
        ? `reg-person-${Math.min(index, this.persons.length - 1)}-givenName`
        : 'reg-add-person',
    );
  }

  // --- saving ---------------------------------------------------------------------------------------

  protected save(submit: boolean): void {
    if (this.busy()) {
      return;
    }
    this.attempt.set(submit ? 'submit' : 'draft');
    this.serverErrors.set({});
    this.otherErrors.set([]);
    this.notice.set(null);
    const value = this.form.getRawValue();
    if (Object.keys(checkRegistration(value, submit)).length > 0) {
      this.focusSummary();
      return;
    }
    const input = toRegistrationInput(value, this.table()?.signals ?? []);
    const existing = this.registration();
    this.busy.set(true);
    const request = existing
      ? this.api.updateRegistration(existing.id, { ...input, version: existing.version, submit })
      : this.api.createRegistration({ ...input, submit });
    request
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (saved) => this.saved(saved, submit, existing === null),
        error: (error: unknown) => this.failed(error, input),
      });
  }

  protected reload(): void {
    const existing = this.registration();
    if (existing) {
      this.notice.set(null);
      this.loadRegistration(existing.id, false);
    }
  }

  private saved(registration: RegistrationDto, submit: boolean, created: boolean): void {
    if (submit) {
      const state: RegistrationsNavigationState = { submitted: registration.number };
      void this.router.navigate(['/aanmeldingen'], { state });
    } else if (created) {
      // The draft now has an address of its own: reload and the back button keep it.
      const state: SavedState = { saved: registration.number };
      void this.router.navigate(['/aanmeldingen', registration.id], { replaceUrl: true, state });
    } else {
      this.registration.set(registration);
      this.attempt.set(null);
      this.show({ type: 'ok', key: 'cases.form.saved', params: { number: registration.number } });
    }
  }

  private failed(error: unknown, input: RegistrationInput): void {
    switch (failureKind(error)) {
      case 'invalid': {
        const { fields, other } = splitFieldErrors(error, (field) => formFieldOf(field, input));
        this.serverErrors.set(fields);
        this.otherErrors.set(other);
        this.focusSummary();
        return;
      }
      case 'conflict':
        this.show({
          type: 'error',
          key:
            problemCode(error) === 'registration.not_draft'
              ? 'cases.errors.notDraft'
              : 'cases.errors.conflict',
        });
        return;
      case 'notFound':
        this.show({ type: 'error', key: 'cases.errors.notFound' });
        return;
      default:
        this.show(genericFailure(error));
    }
  }

  // --- loading --------------------------------------------------------------------------------------

  private startNew(): void {
    if (this.tables().length === 0) {
      this.state.set('noTables');
      return;
    }
    this.persons.push(createPersonForm(this.fb));
    if (this.tables().length === 1) {
      this.form.controls.tableId.setValue(this.tables()[0].id);
    }
    this.state.set('edit');
  }

  private loadRegistration(id: string, focusNotice: boolean): void {
    this.state.set('loading');
    this.api
      .registration(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (registration) => {
          this.registration.set(registration);
          this.attempt.set(null);
          this.serverErrors.set({});
          this.otherErrors.set([]);
          if (registration.state === 'CONCEPT') {
            this.fill(registration);
            this.state.set('edit');
          } else {
            this.state.set('view');
          }
          if (focusNotice) {
            afterNextRender(() => this.noticeView()?.focus(), { injector: this.injector });
          }
        },
        error: (error: unknown) => {
          this.state.set('failed');
          this.notice.set(
            failureKind(error) === 'notFound' ? { type: 'error', key: 'cases.errors.notFound' } : null,
          );
        },
      });
  }

  /** Puts a draft in the form; its table is fixed (the server refuses another). */
  private fill(registration: RegistrationDto): void {
    const table = this.allTables().find((t) => t.id === registration.tableId);
    this.form.controls.tableId.setValue(registration.tableId, { emitEvent: false });
    this.form.controls.tableId.disable({ emitEvent: false });
    this.setSignals(table?.signals ?? []);
    for (const answer of registration.signals) {
      this.form.controls.signals.controls[answer.signalId]?.setValue({
        ticked: true,
        note: answer.note ?? '',
      });
    }
    this.persons.clear({ emitEvent: false });
    for (const person of registration.persons) {
      this.persons.push(
        createPersonForm(this.fb, {
          givenName: person.givenName ?? '',
          familyName: person.familyName ?? '',
          dateOfBirth: person.dateOfBirth ?? '',
          bsn: person.bsn ?? '',
          address: person.address ?? '',
          role: person.role,
        }),
        { emitEvent: false },
      );
    }
    // The table is set above, without the change handler that would clear the participants.
    const { reason, goal, discussedWithPerson, notDiscussedReason, criteria, participants } =
      formValueOf(registration);
    this.form.patchValue({ reason, goal, discussedWithPerson, notDiscussedReason, criteria, participants });
    this.loadOrganisations(registration.tableId);
  }

  private setSignals(signals: readonly SignalDefinition[]): void {
    // The builder types the record as a group; it is a FormRecord, whose controls come and go.
    const record = this.form.controls.signals as unknown as FormRecord<SignalForm>;
    for (const id of Object.keys(record.controls)) {
      record.removeControl(id, { emitEvent: false });
    }
    for (const signal of signals) {
      record.addControl(signal.id, createSignalForm(this.fb), { emitEvent: false });
    }
    record.updateValueAndValidity();
  }

  private loadOrganisations(tableId: string): void {
    this.organisations.set(null);
    if (!tableId) {
      return;
    }
    this.api
      .tableOrganisations(tableId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (organisations) => {
          if (this.form.getRawValue().tableId === tableId) {
            this.organisations.set(organisations);
          }
        },
        error: () => this.organisations.set([]),
      });
  }

  // --- focus ----------------------------------------------------------------------------------------

  private labelOf(field: string, t: (key: string, params?: Record<string, unknown>) => string): string {
    const person = /^persons\.(\d+)\.(\w+)$/.exec(field);
    if (person) {
      const name = PERSON_LABELS[person[2] as keyof typeof PERSON_LABELS];
      return `${t('cases.form.person', { n: Number(person[1]) + 1 })}, ${t(name)}`;
    }
    const note = /^signals\.(.+)\.note$/.exec(field);
    if (note) {
      const label = this.table()?.signals.find((s) => s.id === note[1])?.label ?? note[1];
      return `${t('cases.form.signalNote')} (${label})`;
    }
    const keys: Record<string, string> = {
      tableId: 'cases.form.table',
      persons: 'cases.form.personsSection',
      reason: 'cases.form.reason',
      goal: 'cases.form.goal',
      discussedWithPerson: 'cases.form.discussed',
      notDiscussedReason: 'cases.form.notDiscussedReason',
      criteria: 'cases.form.criteriaSection',
      'criteria.motivation': 'cases.form.motivation',
      signals: 'cases.form.signalsSection',
      participants: 'cases.form.participantsSection',
    };
    return t(keys[field] ?? 'cases.errors.invalid');
  }

  private show(notice: Notice): void {
    this.notice.set(notice);
    afterNextRender(() => this.noticeView()?.focus(), { injector: this.injector });
  }

  private focusSummary(): void {
    afterNextRender(() => this.summaryView()?.focus(), { injector: this.injector });
  }

  private focusId(id: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[id="${id}"]`)?.focus(), {
      injector: this.injector,
    });
  }
}
