import { HttpErrorResponse } from '@angular/common/http';
import { failureKind, fieldErrorKey, isDuplicate, splitFieldErrors } from './server-errors';

function problem(status: number, body: object): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: { status, ...body } });
}

describe('server errors', () => {
  it('translates known codes and falls back for unknown ones', () => {
    expect(fieldErrorKey('untilBeforeSince')).toBe('admin.fieldErrors.untilBeforeSince');
    expect(fieldErrorKey('somethingNew')).toBe('admin.fieldErrors.invalid');
  });

  it('splits field problems into those of the form and the rest', () => {
    const error = problem(400, {
      errors: [
        { field: 'name', code: 'isLength', message: '' },
        { field: 'name', code: 'maxLength', message: '' },
        { field: 'elsewhere', code: 'isIn', message: '' },
      ],
    });
    expect(splitFieldErrors(error, (f) => (f === 'name' ? 'name' : null))).toEqual({
      fields: { name: 'admin.fieldErrors.isLength' },
      other: ['admin.fieldErrors.isIn'],
    });
  });

  it('lets the page word the problems at its own fields', () => {
    const error = problem(400, {
      errors: [
        { field: 'purpose', code: 'isLength', message: '' },
        { field: 'legalGrounds', code: 'arrayMinSize', message: '' },
        { field: 'elsewhere', code: 'isLength', message: '' },
      ],
    });
    const keyOf = (code: string, field: string) =>
      code === 'isLength' ? `register.form.tooLong.${field}` : fieldErrorKey(code);
    expect(splitFieldErrors(error, (f) => (f === 'elsewhere' ? null : f), keyOf)).toEqual({
      fields: { purpose: 'register.form.tooLong.purpose', legalGrounds: 'admin.fieldErrors.arrayMinSize' },
      other: ['admin.fieldErrors.isLength'],
    });
  });

  it('tells the kinds of failure apart', () => {
    expect(failureKind(problem(400, { errors: [{ field: 'x', code: 'y', message: '' }] }))).toBe('invalid');
    expect(failureKind(problem(400, {}))).toBe('other');
    expect(failureKind(problem(404, {}))).toBe('notFound');
    expect(failureKind(problem(409, {}))).toBe('conflict');
    expect(failureKind(new Error('offline'))).toBe('other');
  });

  it('recognises a duplicate name among conflicts', () => {
    expect(
      isDuplicate(problem(409, { type: 'urn:casustafel:problem:organisation.name_taken', detail: 'taken' })),
    ).toBe(true);
    expect(isDuplicate(problem(409, { type: 'urn:casustafel:problem:user.email_taken' }))).toBe(true);
    expect(
      isDuplicate(problem(409, { type: 'urn:casustafel:problem:conflict', detail: 'already exists' })),
    ).toBe(false);
  });
});
