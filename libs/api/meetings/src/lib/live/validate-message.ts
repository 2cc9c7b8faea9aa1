import { RequestValidationError, toFieldProblems } from '@casustafel/api/platform';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * A socket message checked like a REST body (the same DTO classes and options as the global
 * validation pipe): unknown fields are refused, every invalid field is named. A malformed message
 * is a 400 problem for its sender, never an exception that reaches anyone else.
 */
export function validated<T extends object>(type: ClassConstructor<T>, message: unknown): T {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    throw new RequestValidationError([{ field: 'message', code: 'isObject', message: 'must be an object' }]);
  }
  const instance = plainToInstance(type, message);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) {
    throw new RequestValidationError(toFieldProblems(errors));
  }
  return instance;
}
