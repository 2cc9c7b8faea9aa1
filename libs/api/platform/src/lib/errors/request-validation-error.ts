import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldProblem } from '@casustafel/shared/contracts';

/** A 400 that carries one entry per invalid field; the filter renders it as problem details. */
export class RequestValidationError extends BadRequestException {
  constructor(readonly fieldProblems: FieldProblem[]) {
    super('Request validation failed');
  }
}

/** Flatten class-validator's tree into `a.b[0].c` paths with one message per failed constraint. */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const seen = new Set<string>();
    const own = Object.entries(error.constraints ?? {})
      .map(([code, message]) => ({
        field,
        code,
        message: code === 'whitelistValidation' ? `property ${field} is not allowed` : message,
      }))
      // Two constraints that say the same thing (e.g. "give the reason") are one problem for the user.
      .filter((problem) => !seen.has(problem.message) && seen.add(problem.message));
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

/** Unknown properties are rejected, not silently dropped; every field error is reported. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(toFieldProblems(errors)),
  });
}
