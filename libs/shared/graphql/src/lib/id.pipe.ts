import { type PipeTransform, Injectable } from '@nestjs/common';
import { CommonErrors } from '@lattice/shared-util-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Ids are UUIDs; anything else is BAD_USER_INPUT before it reaches SQL. */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string | string[]> {
  transform(value: unknown): string | string[] {
    if (Array.isArray(value)) return value.map((item) => this.transform(item) as string);
    if (!isUuid(value))
      throw CommonErrors.of('INVALID_INPUT', `"${String(value).slice(0, 60)}" is not a valid id.`);
    return value.toLowerCase();
  }
}
