import { FormControl, FormGroup, FormRecord, NonNullableFormBuilder } from '@angular/forms';
import type {
  CaseTableDto,
  PersonRole,
  RegistrationDto,
  RegistrationInput,
  SignalDefinition,
  TableOrganisation,
  TableRole,
} from '@casustafel/shared/contracts';
import { CRITERIA } from '../shared/registration-view';

/** Roles that may register at a table (mirrors REGISTRANT_ROLES of the API's case-roles.ts). */
export const REGISTRANT_ROLES: readonly TableRole[] = [
  'PROCESREGISSEUR',
  'CASUSREGISSEUR',
  'DEELNEMER',
  'ZORGCOORDINATOR',
  'TRIAGIST',
];

/** Tables where the user may register: those where they hold a registrant role. */
export function registrableTables(tables: readonly CaseTableDto[]): CaseTableDto[] {
  return tables.filter((t) => t.myRoles.some((role) => REGISTRANT_ROLES.includes(role)));
}

/** Organisations that can be proposed as participants: the table's signatories and guests. */
export function isSelectable(organisation: TableOrganisation): boolean {
  return organisation.membership === 'SIGNATORY' || organisation.membership === 'GUEST';
}

export const PERSON_FIELDS = ['givenName', 'familyName', 'dateOfBirth', 'bsn', 'address', 'role'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export type PersonForm = FormGroup<{
  givenName: FormControl<string>;
  familyName: FormControl<string>;
  dateOfBirth: FormControl<string>;
  bsn: FormControl<string>;
  address: FormControl<string>;
  role: FormControl<PersonRole | ''>;
}>;

export type SignalForm = FormGroup<{ ticked: FormControl<boolean>; note: FormControl<string> }>;

/** Limits of the API's request validation, kept as `maxlength` on the inputs. */
export const LIMITS = {
  name: 200,
  address: 500,
  reason: 10000,
  goal: 10000,
  notDiscussedReason: 2000,
  motivation: 5000,
  signalNote: 1000,
} as const;

export function createPersonForm(
  fb: NonNullableFormBuilder,
  person?: Partial<Record<PersonField, string | null>>,
): PersonForm {
  return fb.group({
    givenName: [person?.givenName ?? ''],
    familyName: [person?.familyName ?? ''],
    dateOfBirth: [person?.dateOfBirth ?? ''],
    bsn: [person?.bsn ?? ''],
    address: [person?.address ?? ''],
    role: fb.control<PersonRole | ''>((person?.role as PersonRole | undefined) ?? ''),
  });
}

export function createSignalForm(fb: NonNullableFormBuilder, ticked = false, note = ''): SignalForm {
  return fb.group({ ticked: [ticked], note: [note] });
}

/**
 * The registration form. Which fields are required depends on the button (a draft needs less than
 * a submission), so the checks are {@link checkRegistration}, not Angular validators.
 */
export function createRegistrationForm(fb: NonNullableFormBuilder) {
  return fb.group({
    tableId: [''],
    persons: fb.array<PersonForm>([]),
    reason: [''],
    goal: [''],
    discussedWithPerson: fb.control<'yes' | 'no' | ''>(''),
    notDiscussedReason: [''],
    criteria: fb.group({
      multipleDomains: [false],
      crossChain: [false],
      systemAffected: [false],
      localSafetyProblem: [false],
      motivation: [''],
    }),
    signals: new FormRecord<SignalForm>({}),
    participants: fb.control<string[]>([]),
  });
}

export type RegistrationForm = ReturnType<typeof createRegistrationForm>;
export type RegistrationFormValue = ReturnType<RegistrationForm['getRawValue']>;

const blank = (text: string) => text.trim() === '';

/**
 * What the user must still fix before the request is sent: translation key per form field
 * (`persons.0.givenName`, `notDiscussedReason`, `signals.<id>.note`). The server checks the same
 * and more (the BSN's elfproef); its answers land on the same fields.
 */
export function checkRegistration(value: RegistrationFormValue, submit: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!value.tableId) {
    errors['tableId'] = 'cases.fieldErrors.choose';
  }
  if (submit && value.persons.length === 0) {
    errors['persons'] = 'cases.fieldErrors.personRequired';
  }
  value.persons.forEach((person, index) => {
    if (blank(person.givenName)) {
      errors[`persons.${index}.givenName`] = 'cases.fieldErrors.required';
    }
    if (blank(person.familyName)) {
      errors[`persons.${index}.familyName`] = 'cases.fieldErrors.required';
    }
    if (person.dateOfBirth && !/^\d{4}-\d{2}-\d{2}$/.test(person.dateOfBirth)) {
      errors[`persons.${index}.dateOfBirth`] = 'cases.fieldErrors.isIsoDate';
    }
    if (person.bsn.trim() && !/^\d{9}$/.test(person.bsn.replace(/\s/g, ''))) {
      errors[`persons.${index}.bsn`] = 'cases.fieldErrors.bsnFormat';
    }
    if (!person.role) {
      errors[`persons.${index}.role`] = 'cases.fieldErrors.choose';
    }
  });
  if (blank(value.reason)) {
    errors['reason'] = 'cases.fieldErrors.required';
  }
  if (submit && blank(value.goal)) {
    errors['goal'] = 'cases.fieldErrors.goalRequired';
  }
  if (!value.discussedWithPerson) {
    errors['discussedWithPerson'] = 'cases.fieldErrors.choose';
  } else if (value.discussedWithPerson === 'no' && blank(value.notDiscussedReason)) {
    errors['notDiscussedReason'] = 'cases.fieldErrors.notDiscussedReason';
  }
  return errors;
}

/** The request body from the form: trimmed texts, empty optional fields as null, signals in list order. */
export function toRegistrationInput(
  value: RegistrationFormValue,
  signals: readonly SignalDefinition[],
): RegistrationInput {
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    tableId: value.tableId,
    reason: value.reason.trim(),
    goal: value.goal.trim(),
    discussedWithPerson: value.discussedWithPerson === 'yes',
    notDiscussedReason: value.discussedWithPerson === 'no' ? value.notDiscussedReason.trim() : null,
    criteria: {
      multipleDomains: value.criteria.multipleDomains,
      crossChain: value.criteria.crossChain,
      systemAffected: value.criteria.systemAffected,
      localSafetyProblem: value.criteria.localSafetyProblem,
      motivation: value.criteria.motivation.trim(),
    },
    signals: signals
      .filter((s) => value.signals[s.id]?.ticked)
      .map((s) => {
        const note = value.signals[s.id]?.note.trim() ?? '';
        return note ? { signalId: s.id, note } : { signalId: s.id };
      }),
    persons: value.persons.map((p) => ({
      givenName: p.givenName.trim(),
      familyName: p.familyName.trim(),
      dateOfBirth: optional(p.dateOfBirth),
      bsn: optional(p.bsn.replace(/\s/g, '')),
      address: optional(p.address),
      role: p.role as PersonRole,
    })),
    proposedParticipants: value.participants.map((organisationId) => ({ organisationId })),
  };
}

/**
 * The form field of an API field path (`persons[0].bsn` → `persons.0.bsn`, `signals[2].note` → the
 * note of the third signal in the request); null for a field the form does not show.
 */
export function formFieldOf(apiField: string, request: RegistrationInput): string | null {
  const person = /^persons\[(\d+)\](?:\.(\w+))?/.exec(apiField);
  if (person) {
    const field = person[2] as PersonField | undefined;
    return field && PERSON_FIELDS.includes(field) ? `persons.${person[1]}.${field}` : 'persons';
  }
  if (apiField.startsWith('persons')) {
    return 'persons';
  }
  if (['tableId', 'reason', 'goal', 'discussedWithPerson', 'notDiscussedReason'].includes(apiField)) {
    return apiField;
  }
  if (apiField === 'criteria.motivation') {
    return 'criteria.motivation';
  }
  if (apiField.startsWith('criteria')) {
    return 'criteria';
  }
  const signal = /^signals\[(\d+)\]\.note$/.exec(apiField);
  if (signal) {
    const id = request.signals[Number(signal[1])]?.signalId;
    return id ? `signals.${id}.note` : 'signals';
  }
  if (apiField.startsWith('signals')) {
    return 'signals';
  }
  if (apiField.startsWith('proposedParticipants')) {
    return 'participants';
  }
  return null;
}

/** The form's value for a saved draft. */
export function formValueOf(
  registration: RegistrationDto,
): Omit<RegistrationFormValue, 'persons' | 'signals'> {
  return {
    tableId: registration.tableId,
    reason: registration.reason,
    goal: registration.goal,
    discussedWithPerson: registration.discussedWithPerson ? 'yes' : 'no',
    notDiscussedReason: registration.notDiscussedReason ?? '',
    criteria: { ...registration.criteria },
    participants: registration.proposedParticipants.map((p) => p.organisationId),
  };
}

/** Criteria field names, re-exported for the template. */
export const CRITERIA_FIELDS = CRITERIA;
