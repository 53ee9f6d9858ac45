// Structured JSON logs (pino): one line per event, each with the service, the request id and,
// when a trace is active, its trace and span ids. LOG_LEVEL sets the level (default info;
// `debug` adds a line per HTTP request). Nest's own messages go through the same logger.
import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './request-scope';
import { activeTraceIds } from './tracing';

export type { Logger } from 'pino';

function mixin(): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const requestId = currentRequestId();
  if (requestId) fields['requestId'] = requestId;
  const ids = activeTraceIds();
  if (ids) {
    fields['traceId'] = ids.traceId;
    fields['spanId'] = ids.spanId;
  }
  return fields;
}

function build(service: string, destination?: DestinationStream, level?: string): Logger {
  return pino(
    {
      level: level ?? process.env['LOG_LEVEL'] ?? 'info',
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: pino.stdSerializers.err },
      mixin,
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

let root: Logger = build('lattice');

export interface LoggingOptions {
  readonly service: string;
  /** Where lines go (tests capture them); stdout by default. */
  readonly destination?: DestinationStream;
  readonly level?: string;
}

export function initLogging(options: LoggingOptions): Logger {
  root = build(options.service, options.destination, options.level);
  return root;
}

/** The process's logger, or a child naming the component (`logger('outbox-relay')`). */
export function logger(component?: string): Logger {
  return component ? root.child({ component }) : root;
}

/** Nest's LoggerService on pino: `NestFactory.create(module, { logger: nestLogger() })`. */
export function nestLogger(): {
  log(message: unknown, ...rest: unknown[]): void;
  error(message: unknown, ...rest: unknown[]): void;
  warn(message: unknown, ...rest: unknown[]): void;
  debug(message: unknown, ...rest: unknown[]): void;
  verbose(message: unknown, ...rest: unknown[]): void;
  fatal(message: unknown, ...rest: unknown[]): void;
} {
  const write = (
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    rest: unknown[],
  ) => {
    // Nest passes (message, [stack,] context): the last string is the context.
    const component = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? (rest[0] as string) : undefined;
    const fields: Record<string, unknown> = {};
    if (component) fields['component'] = component;
    if (stack) fields['stack'] = stack;
    if (message instanceof Error) root[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null)
      root[level]({ ...fields, ...(message as object) });
    else root[level](fields, String(message));
  };
  return {
    log: (message, ...rest) => write('info', message, rest),
    error: (message, ...rest) => write('error', message, rest),
    warn: (message, ...rest) => write('warn', message, rest),
    debug: (message, ...rest) => write('debug', message, rest),
    verbose: (message, ...rest) => write('trace', message, rest),
    fatal: (message, ...rest) => write('fatal', message, rest),
  };
}
