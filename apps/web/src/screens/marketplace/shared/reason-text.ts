// A match reason in the reader's language, from the code and parameters the server sends
// (`MatchReason.code`, `params`); the English `detail` when the code is missing (a ranking cached
// before reasons carried codes) or not known to this app.
import type { TFunction } from 'i18next';

const CODES = new Set([
  'TEACHES_SKILLS',
  'RELATED_SKILLS',
  'SERVES_REGION',
  'SERVES_PART_OF_REGION',
  'DOES_NOT_SERVE_REGION',
  'DELIVERY_MATCHES',
  'DELIVERY_DIFFERS',
  'CAPACITY',
  'NO_DEADLINE',
  'DAYS_UNTIL_NEEDED',
  'SMALL_INSTITUTION',
]);

export function matchReasonText(
  t: TFunction,
  reason: { detail: string; code?: string | null; params?: unknown },
  language: string,
): string {
  if (!reason.code || !CODES.has(reason.code)) return reason.detail;
  const params = (typeof reason.params === 'object' && reason.params !== null ? reason.params : {}) as Record<
    string,
    unknown
  >;
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const skills = Array.isArray(params['skills']) ? (params['skills'] as unknown[]).map(String) : [];
  const shown =
    skills.length === 0
      ? ''
      : t('reasonCodes.skillList', {
          skills: skills.slice(0, 5).join(', '),
          count: Math.max(0, skills.length - 5),
        });
  const region = typeof params['region'] === 'string' ? params['region'] : null;
  const code = region === null && reason.code.endsWith('REGION') ? `${reason.code}_UNNAMED` : reason.code;
  const num = (name: string) => (typeof params[name] === 'number' ? (params[name] as number) : 0);
  return t(`reasonCodes.${code}`, {
    taught: num('taught'),
    needed: num('needed'),
    count:
      code === 'RELATED_SKILLS'
        ? num('count')
        : code === 'DAYS_UNTIL_NEEDED'
          ? num('days')
          : code === 'CAPACITY'
            ? num('learners')
            : num('needed'),
    credit: number.format(num('credit')),
    capacity: number.format(num('capacity')),
    learners: number.format(num('learners')),
    days: number.format(num('days')),
    leadDays: number.format(num('leadDays')),
    region,
    skills: shown,
  });
}
