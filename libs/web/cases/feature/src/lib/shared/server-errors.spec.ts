import { HttpErrorResponse } from '@angular/common/http';
import { failureKind, fieldErrorKey, problemCode, splitFieldErrors } from './server-errors';

function problem(status: number, body: object): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: { status, ...body } });
}

describe('server errors', () => {
  it('has words for the codes of registration and triage, by field where it matters', () => {
    expect(fieldErrorKey({ field: 'persons[0].bsn', code: 'invalidBsn' })).toBe(
      'cases.fieldErrors.invalidBsn',
    );
    expect(fieldErrorKey({ field: 'persons[1].bsn', code: 'matches' })).toBe('cases.fieldErrors.bsnFormat');
    expect(fieldErrorKey({ field: 'notDiscussedReason', code: 'isNotBlank' })).toBe(
      'cases.fieldErrors.notDiscussedReason',
    );
    expect(fieldErrorKey({ field: 'reason', code: 'isNotBlank' })).toBe('cases.fieldErrors.required');
    expect(fieldErrorKey({ field: 'advice', code: 'adviceRequired' })).toBe(
      'cases.fieldErrors.adviceRequired',
    );
    expect(fieldErrorKey({ field: 'x', code: 'somethingNew' })).toBe('cases.fieldErrors.invalid');
  });

  it('splits field problems into those of the form and the rest, first problem per field', () => {
    const error = problem(400, {
      errors: [
        { field: 'reason', code: 'isNotBlank', message: '' },
        { field: 'reason', code: 'isLength', message: '' },
        { field: 'elsewhere', code: 'isIn', message: '' },
      ],
    });
    expect(splitFieldErrors(error, (f) => (f === 'reason' ? 'reason' : null))).toEqual({
      fields: { reason: 'cases.fieldErrors.required' },
      other: ['cases.fieldErrors.choose'],
    });
  });

  it('tells the kinds of failure apart and reads the problem code', () => {
    expect(failureKind(problem(400, { errors: [{ field: 'x', code: 'y', message: '' }] }))).toBe('invalid');
    expect(failureKind(problem(400, {}))).toBe('other');
    expect(failureKind(problem(404, {}))).toBe('notFound');
    expect(failureKind(problem(409, {}))).toBe('conflict');
    expect(failureKind(new Error('offline'))).toBe('other');
    expect(problemCode(problem(409, { type: 'urn:casustafel:problem:registration.not_draft' }))).toBe(
      'registration.not_draft',
    );
  });
});
