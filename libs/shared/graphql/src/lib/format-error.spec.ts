import { GraphQLError } from 'graphql';
import { Logger } from '@nestjs/common';
import { AppError, defineErrors } from '@lattice/shared-util-errors';
import { formatGraphQLError } from './format-error';

const Demo = defineErrors('DEMO', { NEED_NOT_FOUND: 'NOT_FOUND' });

describe('formatGraphQLError', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it('maps a domain error to its category and reason', () => {
    const error = Demo.of('NEED_NOT_FOUND', 'No such need', { id: 'x' });
    const out = formatGraphQLError(
      { message: 'x', path: ['need'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['...'] } },
      new GraphQLError('x', { originalError: error }),
    );
    expect(out).toEqual({
      message: 'No such need',
      path: ['need'],
      locations: undefined,
      extensions: { code: 'NOT_FOUND', reason: 'DEMO.NEED_NOT_FOUND', details: { id: 'x' } },
    });
  });

  it('masks unexpected errors: no SQL, no stack', () => {
    const sqlError = new Error(
      'duplicate key value violates unique constraint "users_email_key" on table users',
    );
    const out = formatGraphQLError(
      { message: sqlError.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      new GraphQLError(sqlError.message, { originalError: sqlError }),
    );
    expect(out.message).toBe('Internal server error');
    expect(JSON.stringify(out)).not.toMatch(/users|constraint|stacktrace/);
  });

  it('masks internal domain errors too', () => {
    const out = formatGraphQLError(
      { message: 'x' },
      new AppError('X.BROKEN', 'INTERNAL_SERVER_ERROR', 'secret detail'),
    );
    expect(out.message).toBe('Internal server error');
  });

  it('keeps GraphQL validation errors readable but strips their stack', () => {
    const out = formatGraphQLError(
      {
        message: 'Cannot query field "nope" on type "Query".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at y'] },
      },
      new GraphQLError('Cannot query field "nope" on type "Query".'),
    );
    expect(out.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(out.message).toContain('nope');
  });
});
