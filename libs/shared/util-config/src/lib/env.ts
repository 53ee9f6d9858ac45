// Environment validated at boot: a service declares what it reads, and a missing or malformed
// variable stops the process with a message that names it. Sensitive values are masked in logs.
import { AppError } from '@lattice/shared-util-errors';

export interface Spec<T> {
  readonly parse: (raw: string | undefined, name: string) => T;
  readonly sensitive: boolean;
  readonly describe: string;
}
type Options<T> = { default?: T; optional?: boolean; sensitive?: boolean };

function spec<T>(describe: string, convert: (raw: string) => T, options: Options<T> = {}): Spec<T> {
  return {
    describe,
    sensitive: options.sensitive ?? false,
    parse(raw, name) {
      if (raw === undefined || raw === '') {
        if (options.default !== undefined) return options.default;
        if (options.optional) return undefined as T;
        throw new Error(`${name} is required (${describe})`);
      }
      return convert(raw);
    },
  };
}

export const env = {
  string: (options?: Options<string>) => spec('a string', (raw) => raw, options),
  /** PEM blocks may arrive with literal `\n` from compose files; restore the line breaks. */
  pem: (options?: Options<string>) =>
    spec(
      'a PEM block',
      (raw) => {
        const pem = raw.replace(/\\n/g, '\n');
        if (!/-----BEGIN [A-Z ]+-----/.test(pem)) throw new Error('not a PEM block');
        return pem;
      },
      { sensitive: true, ...options },
    ),
  int: (options?: Options<number> & { min?: number; max?: number }) =>
    spec(
      `an integer${options?.min !== undefined ? ` ≥ ${options.min}` : ''}${options?.max !== undefined ? ` ≤ ${options.max}` : ''}`,
      (raw) => {
        if (!/^-?\d+$/.test(raw)) throw new Error(`"${raw}" is not an integer`);
        const value = Number(raw);
        if (options?.min !== undefined && value < options.min)
          throw new Error(`${value} is below ${options.min}`);
        if (options?.max !== undefined && value > options.max)
          throw new Error(`${value} is above ${options.max}`);
        return value;
      },
      options,
    ),
  port: (options?: Options<number>) =>
    spec(
      'a TCP port (1–65535)',
      (raw) => {
        const value = Number(raw);
        if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`"${raw}" is not a port`);
        return value;
      },
      options,
    ),
  bool: (options?: Options<boolean>) =>
    spec(
      'true or false',
      (raw) => {
        if (/^(1|true|yes|on)$/i.test(raw)) return true;
        if (/^(0|false|no|off)$/i.test(raw)) return false;
        throw new Error(`"${raw}" is not a boolean`);
      },
      options,
    ),
  url: (protocols: string[], options?: Options<string>) =>
    spec(
      `a URL (${protocols.join(', ')})`,
      (raw) => {
        let url: URL;
        try {
          url = new URL(raw);
        } catch {
          throw new Error(`"${mask(raw)}" is not a URL`);
        }
        if (!protocols.includes(url.protocol.replace(/:$/, '')))
          throw new Error(`protocol ${url.protocol} is not one of ${protocols.join(', ')}`);
        return raw;
      },
      options,
    ),
  oneOf: <T extends string>(values: readonly T[], options?: Options<T>) =>
    spec(
      `one of ${values.join(', ')}`,
      (raw) => {
        if (!values.includes(raw as T)) throw new Error(`"${raw}" is not one of ${values.join(', ')}`);
        return raw as T;
      },
      options,
    ),
  /** A value with its own format; `convert` throws a message saying what is wrong. */
  custom: <T>(describe: string, convert: (raw: string) => T, options?: Options<T>) =>
    spec(describe, convert, options),
};

export type EnvSchema = Record<string, Spec<unknown>>;
export type EnvOf<S extends EnvSchema> = { readonly [K in keyof S]: S[K] extends Spec<infer T> ? T : never };

export class ConfigError extends AppError<'CONFIG.INVALID'> {
  constructor(readonly problems: string[]) {
    super(
      'CONFIG.INVALID',
      'INTERNAL_SERVER_ERROR',
      `Invalid configuration:\n  - ${problems.join('\n  - ')}`,
    );
  }
}

/** Reads and validates every variable at once, so one start shows every problem. */
export function loadEnv<S extends EnvSchema>(schema: S, source: NodeJS.ProcessEnv = process.env): EnvOf<S> {
  const problems: string[] = [];
  const result: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema)) {
    try {
      result[name] = field.parse(source[name], name);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push(message.startsWith(name) ? message : `${name}: ${message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(result) as EnvOf<S>;
}

/** The config as it may be logged: sensitive values and URL passwords hidden. */
export function describeEnv<S extends EnvSchema>(schema: S, values: EnvOf<S>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, field] of Object.entries(schema)) {
    const value = (values as Record<string, unknown>)[name];
    out[name] = value === undefined ? '(unset)' : field.sensitive ? '******' : mask(String(value));
  }
  return out;
}

function mask(raw: string): string {
  return raw.replace(/(\/\/[^:/@]+:)[^@]+@/, '$1******@');
}
