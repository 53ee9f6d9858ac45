// Input validation: class-validator decorators on input classes; failures become BAD_USER_INPUT
// with the offending fields named, before any use case runs.
import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { CommonErrors } from '@lattice/shared-util-errors';

function flatten(errors: ValidationError[], prefix = ''): Array<{ field: string; problems: string[] }> {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export function inputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    validateCustomDecorators: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const message = fields.map((f) => f.problems.join('; ')).join('; ') || 'The input is not valid.';
      return CommonErrors.of('INVALID_INPUT', message, { fields });
    },
  });
}
