// What the public sees of errors outside the domain tables.
//
// What an HTTP endpoint answers when a request fails before any handler runs (its body could not be
// read) or a handler failed unexpectedly: always JSON in the GraphQL error shape, a typed code, never
// a stack or HTML, whatever NODE_ENV says. The gateway and every service use it as their last
// Express error handler.

export interface HttpErrorAnswer {
  readonly status: number;
  readonly body: {
    readonly errors: readonly [
      {
        readonly message: string;
        readonly extensions: {
          readonly code: string;
          readonly reason: string;
          readonly details?: Record<string, unknown>;
        };
      },
    ];
  };
}

const answer = (
  status: number,
  code: string,
  reason: string,
  message: string,
  details?: Record<string, unknown>,
): HttpErrorAnswer => ({
  status,
  body: { errors: [{ message, extensions: { code, reason, ...(details ? { details } : {}) } }] },
});

/** body-parser's error types (`error.type`), as Express's JSON parser raises them. */
export function httpErrorAnswer(error: unknown): HttpErrorAnswer {
  const failure = (error ?? {}) as {
    type?: unknown;
    status?: unknown;
    statusCode?: unknown;
    limit?: unknown;
  };
  switch (failure.type) {
    case 'entity.parse.failed':
      return answer(
        400,
        'BAD_REQUEST',
        'COMMON.MALFORMED_BODY',
        'The request body must be a JSON object; it could not be read as one.',
      );
    case 'entity.too.large':
      return answer(
        413,
        'PAYLOAD_TOO_LARGE',
        'COMMON.BODY_TOO_LARGE',
        'The request body is larger than this endpoint accepts.',
        typeof failure.limit === 'number' ? { limitBytes: failure.limit } : undefined,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return answer(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'COMMON.UNSUPPORTED_ENCODING',
        'The request body must be UTF-8 JSON.',
      );
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
      return answer(400, 'BAD_REQUEST', 'COMMON.MALFORMED_BODY', 'The request body could not be read.');
  }
  const status = Number(failure.status ?? failure.statusCode);
  if (status >= 400 && status < 500)
    return answer(status, 'BAD_REQUEST', 'COMMON.BAD_REQUEST', 'The request could not be understood.');
  return answer(500, 'INTERNAL_SERVER_ERROR', 'COMMON.INTERNAL', 'Internal server error');
}

/**
 * graphql-js's "Did you mean …?" hints name fields, arguments, types and enum values of the schema;
 * with introspection off they would still reveal it, one guess at a time.
 */
export function withoutSchemaSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^]*$/, '');
}

/** The parts of Express's request, response and next this module uses (no Express import here). */
interface HttpRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly method?: string;
  readonly originalUrl?: string;
}
interface HttpResponse {
  readonly headersSent: boolean;
  status(code: number): { json(body: unknown): unknown };
}
type Next = (error?: unknown) => void;

/**
 * Wraps a body parser (Express's `json({ limit })`) so that a body it cannot read is answered
 * here, as `httpErrorAnswer` says, instead of going on to Express's or Nest's error pages.
 */
export function answeringBodyErrors(parse: (request: never, response: never, next: Next) => void) {
  return (request: HttpRequest, response: HttpResponse, next: Next): void =>
    parse(request as never, response as never, (error?: unknown) => {
      if (!error) return next();
      const answer = httpErrorAnswer(error);
      response.status(answer.status).json(answer.body);
    });
}

/**
 * The last Express error handler: whatever reached it is answered as JSON; an unexpected failure
 * is logged with its cause and the request id, and shown as one opaque line.
 */
export function jsonErrorHandler(log: (line: string) => void) {
  return (error: unknown, request: HttpRequest, response: HttpResponse, next: Next): void => {
    if (response.headersSent) return next(error);
    const answer = httpErrorAnswer(error);
    if (answer.status >= 500) {
      const requestId = request.headers['x-request-id'];
      log(
        `${request.method ?? ''} ${request.originalUrl ?? ''} failed (request ${typeof requestId === 'string' ? requestId : 'without id'}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    response.status(answer.status).json(answer.body);
  };
}
