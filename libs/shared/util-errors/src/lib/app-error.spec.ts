import { AppError, CommonErrors, defineErrors, isAppError } from './app-error';

describe('defineErrors', () => {
  const Demo = defineErrors('DEMO', { THING_NOT_FOUND: 'NOT_FOUND', THING_TAKEN: 'CONFLICT' });

  it('prefixes the domain and takes the category from the table', () => {
    const error = Demo.of('THING_TAKEN', 'That thing is taken', { field: 'name' });
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('DEMO.THING_TAKEN');
    expect(error.category).toBe('CONFLICT');
    expect(error.details).toEqual({ field: 'name' });
    expect(isAppError(error)).toBe(true);
  });

  it('keeps common errors apart from plain errors', () => {
    expect(CommonErrors.of('FORBIDDEN', 'no').category).toBe('FORBIDDEN');
    expect(isAppError(new Error('x'))).toBe(false);
  });
});
