// Abuse limits: what is counted, per what, and how many in how long. Every rule can be changed by
// its own variable, RATE_LIMIT_<RULE>=<points>/<seconds> (e.g. RATE_LIMIT_LOGIN_ACCOUNT=10/900).
import { env, redisEnv, type Spec } from '@lattice/shared-util-config';

export interface RateLimitRule {
  readonly points: number;
  readonly seconds: number;
}

export const RATE_LIMIT_DEFAULTS = {
  /** Log-in attempts per account (e-mail); a successful log-in clears it. */
  LOGIN_ACCOUNT: { points: 10, seconds: 900 },
  /** Log-in attempts per client address. */
  LOGIN_ADDRESS: { points: 100, seconds: 900 },
  /** Accounts created per client address. */
  SIGNUP_ADDRESS: { points: 20, seconds: 3600 },
  /** Verification e-mails asked for per account (besides one a minute). */
  EMAIL_VERIFICATION_ACCOUNT: { points: 5, seconds: 3600 },
  /** Verification e-mails asked for, and links tried, per client address. */
  EMAIL_VERIFICATION_ADDRESS: { points: 30, seconds: 900 },
  /** Reset e-mails asked for per e-mail address (known or not). */
  PASSWORD_RESET_ACCOUNT: { points: 3, seconds: 3600 },
  /** Reset e-mails asked for, and reset links tried, per client address. */
  PASSWORD_RESET_ADDRESS: { points: 20, seconds: 3600 },
  /** Password changes tried per account (each one checks the current password). */
  PASSWORD_CHANGE_ACCOUNT: { points: 10, seconds: 900 },
  /** POST /verify per client address. */
  VERIFY_ADDRESS: { points: 60, seconds: 60 },
  /** Gateway budget per bearer credential (token or API key). */
  GATEWAY_TOKEN: { points: 600, seconds: 60 },
  /** Gateway budget per client address. */
  GATEWAY_ADDRESS: { points: 1200, seconds: 60 },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitRuleName = keyof typeof RATE_LIMIT_DEFAULTS;
export type RateLimitRules = Readonly<Record<RateLimitRuleName, RateLimitRule>>;

function parseRule(raw: string): RateLimitRule {
  const match = /^(\d{1,9})\s*\/\s*(\d{1,9})$/.exec(raw.trim());
  if (!match) throw new Error('must be <points>/<seconds>, e.g. 10/900');
  const rule = { points: Number(match[1]), seconds: Number(match[2]) };
  if (rule.points < 1 || rule.seconds < 1) throw new Error('points and seconds must be at least 1');
  return rule;
}

/** The environment every service that limits reads: where Redis is, the key prefix, and each rule. */
export const rateLimitEnv = {
  ...redisEnv,
  /** Every key Lattice keeps in Redis outside the queue starts with `<prefix>:` (limits `<prefix>:rl:…`, sign-outs `<prefix>:session:…`). */
  REDIS_PREFIX: env.string({ default: 'lattice' }),
  ...(Object.fromEntries(
    Object.entries(RATE_LIMIT_DEFAULTS).map(([name, rule]) => [
      `RATE_LIMIT_${name}`,
      env.custom('<points>/<seconds>', parseRule, { default: rule }),
    ]),
  ) as Record<`RATE_LIMIT_${RateLimitRuleName}`, Spec<RateLimitRule>>),
};

/** The rules from a loaded environment (defaults where a variable is unset). */
export function rateLimitRulesFrom(config: Readonly<Record<string, unknown>>): RateLimitRules {
  return Object.fromEntries(
    Object.entries(RATE_LIMIT_DEFAULTS).map(([name, rule]) => [
      name,
      (config[`RATE_LIMIT_${name}`] as RateLimitRule | undefined) ?? rule,
    ]),
  ) as RateLimitRules;
}
