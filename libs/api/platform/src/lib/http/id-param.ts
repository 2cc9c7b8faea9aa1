import { Injectable, Param, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '../errors/request-validation-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!isUuid(value)) {
      throw new RequestValidationError([
        { field: this.name, code: 'isUuid', message: `${this.name} must be a UUID` },
      ]);
    }
    return value.toLowerCase();
  }
}

/** A UUID path parameter; anything else is a 400 problem naming the parameter. */
export function IdParam(name = 'id'): ParameterDecorator {
  return Param(name, new UuidParamPipe(name));
}
