import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * A string with at least one non-whitespace character. Services trim what they store, so "   "
 * must be refused here, naming the field, rather than reach a database check as a 500.
 */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotBlank',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'must not be empty', ...options },
      validator: {
        validate(value: unknown): boolean {
          return typeof value === 'string' && value.trim().length > 0;
        },
      },
    });
}
