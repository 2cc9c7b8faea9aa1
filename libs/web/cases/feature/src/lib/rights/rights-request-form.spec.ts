import {
  checkRightsForm,
  formFieldOf,
  serverErrorKey,
  toCreateRequest,
  type RightsFormValue,
} from './rights-request-form';

const value = (overrides: Partial<RightsFormValue> = {}): RightsFormValue => ({
  type: 'INZAGE',
  receivedAt: '2026-03-01',
  receivedVia: 'BRIEF',
  requester: 'BETROKKENE',
  givenName: 'Mila',
  familyName: 'Verzonnen (fictief)',
  dateOfBirth: '2001-02-03',
  bsn: '',
  identityVerified: true,
  identityMethod: 'DIGID',
  ...overrides,
});

describe('the new-request form', () => {
  it('names every missing field, and a date of receipt in the future', () => {
    expect(
      checkRightsForm(
        value({
          type: '',
          receivedAt: '2026-03-02',
          givenName: ' ',
          dateOfBirth: '',
          bsn: '12 34',
          identityMethod: '',
        }),
        '2026-03-01',
      ),
    ).toEqual({
      type: 'rights.fieldErrors.choose',
      receivedAt: 'rights.fieldErrors.inTheFuture',
      givenName: 'rights.fieldErrors.required',
      dateOfBirth: 'rights.fieldErrors.required',
      bsn: 'rights.fieldErrors.bsnFormat',
      identityMethod: 'rights.fieldErrors.choose',
    });
    expect(checkRightsForm(value(), '2026-03-01')).toEqual({});
  });

  it('sends the method only with a verified identity, the BSN without dots, none when empty', () => {
    expect(toCreateRequest(value({ identityVerified: false, bsn: '1112.22.333' }))).toMatchObject({
      identityVerified: false,
      identityMethod: null,
      subject: { bsn: '111222333' },
    });
    expect(toCreateRequest(value()).subject.bsn).toBeNull();
  });

  it('maps the server’s fields and codes to the form', () => {
    expect(formFieldOf('subject.bsn')).toBe('bsn');
    expect(formFieldOf('receivedAt')).toBe('receivedAt');
    expect(formFieldOf('subject')).toBeNull();
    expect(serverErrorKey('invalidBsn')).toBe('rights.fieldErrors.invalidBsn');
    expect(serverErrorKey('isNotBlank')).toBe('rights.fieldErrors.required');
    expect(serverErrorKey('whatever')).toBe('rights.fieldErrors.invalid');
  });
});
