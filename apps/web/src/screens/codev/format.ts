// Small helpers the codev screens share: names of organizations, durations, the label of a design
// field path (assessment.masteryThreshold, outcomes.1.statement), values in words, shared checks.
import type { TFunction } from 'i18next';
import { z } from 'zod';

export const names = (organizations: ReadonlyArray<{ name: string }>) =>
  organizations.map((o) => o.name).join(', ');

/** "3 days", "5 hours", "under a minute" — coarse on purpose: where a design waits, not a stopwatch. */
export function duration(t: TFunction, ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 1) return t('codev:duration.underMinute');
  if (minutes < 60) return t('codev:duration.minutes', { count: Math.round(minutes) });
  const hours = minutes / 60;
  if (hours < 48) return t('codev:duration.hours', { count: Math.round(hours) });
  return t('codev:duration.days', { count: Math.round(hours / 24) });
}

/** A field path in people's words: "Outcome 2 · statement", "Mastery threshold". */
export function fieldLabel(t: TFunction, path: string): string {
  const [root = '', second, third] = path.split('.');
  if (root === 'assessment' && second) return t(`codev:fields.${second}`, { defaultValue: path });
  if (
    (root === 'outcomes' || root === 'competencies' || root === 'stackableInto' || root === 'partnerIds') &&
    second !== undefined &&
    /^\d+$/.test(second)
  ) {
    const item = t(`codev:fieldItems.${root}`, { n: Number(second) + 1, defaultValue: path });
    return third ? `${item} · ${t(`codev:fieldParts.${third}`, { defaultValue: third })}` : item;
  }
  return t(`codev:fields.${root}`, { defaultValue: path });
}

/** A diff or conflict value in words: lists joined, booleans as yes/no, nothing as a dash. */
export function showValue(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('codev:yes') : t('codev:no');
  if (Array.isArray(value))
    return value.length === 0
      ? '—'
      : value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number);
}

/** The fields a new design and the design form check alike: title, description, framework. */
export function basicsSchema(t: TFunction) {
  return {
    title: z.string().trim().min(1, t('codev:validation.title')).max(200, t('codev:validation.title')),
    description: z.string().max(5000, t('codev:validation.tooLong', { max: 5000 })),
    frameworkId: z.string().min(1, t('codev:validation.framework')),
  };
}
