import {
  answeringBodyErrors,
  httpErrorAnswer,
  jsonErrorHandler,
  withoutSchemaSuggestions,
} from './public-errors';

const parseError = Object.assign(new SyntaxError('Unexpected token } in JSON at position 7'), {
  type: 'entity.parse.failed',
  status: 400,
  body: '{"a":}',
});
const tooLarge = Object.assign(new Error('request entity too large'), {
  type: 'entity.too.large',
  status: 413,
  limit: 204800,
});

describe('httpErrorAnswer', () => {
  it('types what a body parser refuses, and never repeats its message', () => {
    expect(httpErrorAnswer(parseError)).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: expect.stringContaining('JSON object'),
            extensions: { code: 'BAD_REQUEST', reason: 'COMMON.MALFORMED_BODY' },
          },
        ],
      },
    });
    expect(httpErrorAnswer(tooLarge)).toEqual({
      status: 413,
      body: {
        errors: [
          {
            message: expect.any(String),
            extensions: {
              code: 'PAYLOAD_TOO_LARGE',
              reason: 'COMMON.BODY_TOO_LARGE',
              details: { limitBytes: 204800 },
            },
          },
        ],
      },
    });
    expect(httpErrorAnswer({ type: 'charset.unsupported', status: 415 }).status).toBe(415);
    expect(JSON.stringify(httpErrorAnswer(parseError))).not.toContain('Unexpected token');
  });
  it('answers anything else as one opaque internal error', () => {
    const answer = httpErrorAnswer(new Error('relation "x" does not exist'));
    expect(answer).toEqual({
      status: 500,
      body: {
        errors: [
          {
            message: 'Internal server error',
            extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'COMMON.INTERNAL' },
          },
        ],
      },
    });
  });
});

function fakeResponse() {
  const sent: { status?: number; body?: unknown } = {};
  return {
    sent,
    response: {
      headersSent: false,
      status: (code: number) => ((sent.status = code), { json: (body: unknown) => (sent.body = body) }),
    },
  };
}

describe('answeringBodyErrors and jsonErrorHandler', () => {
  it('answers a parser failure itself and passes a good body on', () => {
    const { sent, response } = fakeResponse();
    const next = jest.fn();
    answeringBodyErrors((_q, _s, done) => done(parseError))({ headers: {} }, response, next);
    expect(next).not.toHaveBeenCalled();
    expect(sent.status).toBe(400);
    answeringBodyErrors((_q, _s, done) => done())({ headers: {} }, response, next);
    expect(next).toHaveBeenCalledWith();
  });
  it('logs an unexpected failure with its request id and answers JSON', () => {
    const { sent, response } = fakeResponse();
    const log = jest.fn();
    jsonErrorHandler(log)(
      new Error('boom'),
      { headers: { 'x-request-id': 'r-1' }, method: 'POST', originalUrl: '/verify' },
      response,
      jest.fn(),
    );
    expect(sent.status).toBe(500);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/POST \/verify failed \(request r-1\): Error: boom/),
    );
  });
});

describe('withoutSchemaSuggestions', () => {
  it.each([
    [
      'Cannot query field "nme" on type "User". Did you mean "name"?',
      'Cannot query field "nme" on type "User".',
    ],
    [
      'Unknown argument "serch" on field "Query.skills". Did you mean "search"?',
      'Unknown argument "serch" on field "Query.skills".',
    ],
    [
      'Value "ECONOMIC" does not exist in "RegionKind" enum. Did you mean the enum value "ECONOMIC_REGION"?',
      'Value "ECONOMIC" does not exist in "RegionKind" enum.',
    ],
    [
      'Unknown type "RegionKnd". Did you mean "RegionKind", "Region", or "Role"?',
      'Unknown type "RegionKnd".',
    ],
    [
      'Variable "$i" got invalid value { nmae: "y" }; Field "nmae" is not defined by type "SignUpInput". Did you mean "name"?',
      'Variable "$i" got invalid value { nmae: "y" }; Field "nmae" is not defined by type "SignUpInput".',
    ],
    ['A plain message.', 'A plain message.'],
  ])('%s', (message, expected) => expect(withoutSchemaSuggestions(message)).toBe(expected));
});
