import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { MH_TABLE, READ_ONLY_TABLE, COMPLEX_TABLE } from '../shared/testing/fixtures';
import {
  checkRegistration,
  createPersonForm,
  createRegistrationForm,
  createSignalForm,
  formFieldOf,
  registrableTables,
  toRegistrationInput,
  type RegistrationFormValue,
} from './registration-form';

function filledForm(): RegistrationFormValue {
  const fb = TestBed.inject(NonNullableFormBuilder);
  const form = createRegistrationForm(fb);
  form.controls.persons.push(
    createPersonForm(fb, {
      givenName: ' Eva ',
      familyName: 'Voorbeeld',
      bsn: '',
      address: '  ',
      role: 'SLACHTOFFER',
    }),
  );
  for (const s of MH_TABLE.signals) {
    (form.controls.signals as unknown as { addControl: (n: string, c: unknown) => void }).addControl(
      s.id,
      createSignalForm(fb),
    );
  }
  form.patchValue({
    tableId: MH_TABLE.id,
    reason: ' Zorgen ',
    goal: 'Doel',
    discussedWithPerson: 'no',
    notDiscussedReason: ' Onderzoek ',
    criteria: { multipleDomains: true, motivation: ' m ' },
    participants: ['org-1'],
  });
  return form.getRawValue();
}

describe('registration form rules', () => {
  it('offers only tables where the user has a registrant role', () => {
    expect(registrableTables([MH_TABLE, READ_ONLY_TABLE, COMPLEX_TABLE]).map((t) => t.name)).toEqual([
      'Mensenhandel',
      'Complexe casuïstiek',
    ]);
  });

  it('requires a reason when it was not discussed beforehand, for a draft too', () => {
    const value = { ...filledForm(), notDiscussedReason: '   ' };
    expect(checkRegistration(value, false)).toEqual({
      notDiscussedReason: 'cases.fieldErrors.notDiscussedReason',
    });
    expect(checkRegistration({ ...value, discussedWithPerson: 'yes' }, true)).toEqual({});
    expect(checkRegistration({ ...value, discussedWithPerson: '' }, false)).toEqual({
      discussedWithPerson: 'cases.fieldErrors.choose',
    });
  });

  it('asks more when submitting than for a draft: a goal and at least one person', () => {
    const value = { ...filledForm(), goal: ' ', persons: [] };
    expect(checkRegistration(value, false)).toEqual({});
    expect(checkRegistration(value, true)).toEqual({
      goal: 'cases.fieldErrors.goalRequired',
      persons: 'cases.fieldErrors.personRequired',
    });
  });

  it('checks each person: names, role, a nine-digit BSN', () => {
    const value = filledForm();
    value.persons = [
      { givenName: '', familyName: 'X', dateOfBirth: '', bsn: '12 34', address: '', role: '' },
    ];
    expect(checkRegistration(value, false)).toEqual({
      'persons.0.givenName': 'cases.fieldErrors.required',
      'persons.0.bsn': 'cases.fieldErrors.bsnFormat',
      'persons.0.role': 'cases.fieldErrors.choose',
    });
  });

  it('builds the request: trimmed, empty optional fields as null, ticked signals in list order', () => {
    const value = filledForm();
    value.signals['arb-paspoort'] = { ticked: true, note: '' };
    value.signals['sek-zelfbeeld'] = { ticked: true, note: ' stil ' };
    expect(toRegistrationInput(value, MH_TABLE.signals)).toEqual({
      tableId: MH_TABLE.id,
      reason: 'Zorgen',
      goal: 'Doel',
      discussedWithPerson: false,
      notDiscussedReason: 'Onderzoek',
      criteria: {
        multipleDomains: true,
        crossChain: false,
        systemAffected: false,
        localSafetyProblem: false,
        motivation: 'm',
      },
      signals: [{ signalId: 'sek-zelfbeeld', note: 'stil' }, { signalId: 'arb-paspoort' }],
      persons: [
        {
          givenName: 'Eva',
          familyName: 'Voorbeeld',
          dateOfBirth: null,
          bsn: null,
          address: null,
          role: 'SLACHTOFFER',
        },
      ],
      proposedParticipants: [{ organisationId: 'org-1' }],
    });
    expect(toRegistrationInput({ ...value, discussedWithPerson: 'yes' }, []).notDiscussedReason).toBeNull();
  });

  it('maps the API field paths to the form fields', () => {
    const request = toRegistrationInput(
      { ...filledForm(), signals: { 'sek-geld': { ticked: true, note: 'n' } } },
      MH_TABLE.signals,
    );
    expect(formFieldOf('persons[0].bsn', request)).toBe('persons.0.bsn');
    expect(formFieldOf('persons[2]', request)).toBe('persons');
    expect(formFieldOf('persons', request)).toBe('persons');
    expect(formFieldOf('notDiscussedReason', request)).toBe('notDiscussedReason');
    expect(formFieldOf('criteria.motivation', request)).toBe('criteria.motivation');
    expect(formFieldOf('criteria.crossChain', request)).toBe('criteria');
    expect(formFieldOf('signals[0].note', request)).toBe('signals.sek-geld.note');
    expect(formFieldOf('signals[0].signalId', request)).toBe('signals');
    expect(formFieldOf('proposedParticipants[0].organisationId', request)).toBe('participants');
    expect(formFieldOf('submit', request)).toBeNull();
  });
});
