import { Injectable, type PipeTransform } from '@nestjs/common';
import { ParseIdPipe } from '@lattice/shared-graphql';

/** ParseIdPipe for optional arguments: an absent id stays null. */
@Injectable()
export class OptionalIdPipe implements PipeTransform<unknown, string | null> {
  private readonly ids = new ParseIdPipe();

  transform(value: unknown): string | null {
    if (value === null || value === undefined) return null;
    return this.ids.transform(value) as string;
  }
}
