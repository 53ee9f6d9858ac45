import { CombinedGraphQLErrors } from '@apollo/client';
import type { TFunction } from 'i18next';
import { apiErrors, errorMessage, errorText, setServerErrors } from './errors';

const graphQLError = (extensions: Record<string, unknown>, message = 'server text') =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions }] });
// A t() that knows one reason and one code, and otherwise returns the default value.
const known: Record<string, string> = {
  'errors:reason.IDENTITY.EMAIL_TAKEN': 'Taken (translated)',
  'errors:code.BAD_USER_INPUT': 'Invalid (translated)',
};
const t = ((keys: string | string[], options?: { defaultValue?: string }) => {
  for (const key of [keys].flat()) if (known[key]) return known[key];
  return options?.defaultValue ?? String(keys);
}) as unknown as TFunction;

describe('apiErrors', () => {
  it('reads code, reason and the fields the server names, by their last segment', () => {
    const error = graphQLError({
      code: 'BAD_USER_INPUT',
      reason: 'COMMON.INVALID_INPUT',
      details: {
        fields: [
          { field: 'input.email', problems: ['x'] },
          { field: 'name', problems: ['y'] },
        ],
      },
    });
    expect(apiErrors(error)).toEqual([
      {
        code: 'BAD_USER_INPUT',
        reason: 'COMMON.INVALID_INPUT',
        message: 'server text',
        fields: ['email', 'name'],
      },
    ]);
  });
  it('calls anything that is not a GraphQL error a network failure', () => {
    expect(apiErrors(new TypeError('Failed to fetch'))).toEqual([
      { code: 'NETWORK', message: 'Failed to fetch', fields: [] },
    ]);
  });
});

describe('errorMessage', () => {
  it('prefers the reason, then the code, then the server text', () => {
    expect(
      errorMessage(t, { code: 'CONFLICT', reason: 'IDENTITY.EMAIL_TAKEN', message: 'm', fields: [] }),
    ).toBe('Taken (translated)');
    expect(errorMessage(t, { code: 'BAD_USER_INPUT', reason: 'X.UNKNOWN', message: 'm', fields: [] })).toBe(
      'Invalid (translated)',
    );
    expect(errorMessage(t, { code: 'FORBIDDEN', message: 'server says no', fields: [] })).toBe(
      'server says no',
    );
  });
});

describe('setServerErrors', () => {
  it('puts an error on the field the server names, one named by reason on its mapped field, the rest on root.server', () => {
    const setError = jest.fn();
    setServerErrors(
      graphQLError({ code: 'BAD_USER_INPUT', details: { field: 'region' } }, 'bad region'),
      setError,
      t,
      ['name', 'region'],
    );
    setServerErrors(
      graphQLError({ code: 'CONFLICT', reason: 'IDENTITY.EMAIL_TAKEN' }),
      setError,
      t,
      ['email'],
      { 'IDENTITY.EMAIL_TAKEN': 'email' },
    );
    setServerErrors(graphQLError({ code: 'FORBIDDEN' }, 'not yours'), setError, t, ['email']);
    expect(setError.mock.calls).toEqual([
      ['region', { type: 'server', message: 'Invalid (translated)' }],
      ['email', { type: 'server', message: 'Taken (translated)' }],
      ['root.server', { type: 'server', message: 'not yours' }],
    ]);
  });
});

describe('errorText', () => {
  const many = (errors: Array<{ message: string; extensions: Record<string, unknown> }>) =>
    new CombinedGraphQLErrors({ errors });
  it('says a message once, however many errors repeat it', () => {
    const internal = { message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(errorText(t, many(Array.from({ length: 6 }, () => internal)))).toBe('Unexpected error.');
  });
  it('tells the specific refusal, not the generic failure beside it', () => {
    const text = errorText(
      t,
      many([
        { message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        { message: 'The design is not in draft.', extensions: { code: 'FAILED_PRECONDITION' } },
        { message: 'The design is not in draft.', extensions: { code: 'FAILED_PRECONDITION' } },
      ]),
    );
    expect(text).toBe('The design is not in draft.');
  });
  it('keeps distinct specific messages, and is empty without an error', () => {
    const text = errorText(
      t,
      many([
        { message: 'a', extensions: { code: 'FORBIDDEN' } },
        { message: 'b', extensions: { code: 'NOT_FOUND' } },
      ]),
    );
    expect(text).toBe('a b');
    expect(errorText(t, null)).toBe('');
  });
});
