import { ConfigError, describeEnv, env, loadEnv } from './env';

const schema = {
  PORT: env.port({ default: 4001 }),
  DATABASE_URL: env.url(['postgres', 'postgresql']),
  JWT_SECRET_HINT: env.string({ sensitive: true, optional: true }),
  LOG_LEVEL: env.oneOf(['debug', 'info'] as const, { default: 'info' }),
  ENABLED: env.bool({ default: false }),
};

describe('loadEnv', () => {
  it('parses, applies defaults and freezes', () => {
    const config = loadEnv(schema, { DATABASE_URL: 'postgres://u:p@h/db', ENABLED: 'yes' });
    expect(config).toEqual({
      PORT: 4001,
      DATABASE_URL: 'postgres://u:p@h/db',
      JWT_SECRET_HINT: undefined,
      LOG_LEVEL: 'info',
      ENABLED: true,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every bad or missing variable at once', () => {
    let error: unknown;
    try {
      loadEnv(schema, { PORT: '99999', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT');
    expect(problems).toContain('DATABASE_URL is required');
    expect(problems).toContain('LOG_LEVEL');
  });

  it('rejects a URL of the wrong protocol', () => {
    expect(() => loadEnv(schema, { DATABASE_URL: 'http://x' })).toThrow(/DATABASE_URL: protocol http:/);
  });

  it('masks sensitive values and URL passwords when described', () => {
    const config = loadEnv(schema, { DATABASE_URL: 'postgres://u:secret@h/db', JWT_SECRET_HINT: 'abc' });
    const shown = describeEnv(schema, config);
    expect(shown['DATABASE_URL']).toBe('postgres://u:******@h/db');
    expect(shown['JWT_SECRET_HINT']).toBe('******');
  });
});
