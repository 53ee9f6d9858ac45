// The one date parser for input: a calendar date (YYYY-MM-DD) or an RFC 3339 date-time with a
// zone, each a real one (no 30 February, no hour 24). `new Date(text)` is not a validator: it
// takes "2026-02-30" for 2 March, and many other shapes; Postgres then refuses what it let by.
import { registerDecorator, type ValidationOptions } from 'class-validator';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/i;

function realDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // 2000 is a leap year: 29 for February
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && !leap ? 28 : days);
}

/** `YYYY-MM-DD` of a day that exists; the same text back, or null. */
export function parseCalendarDate(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const match = DATE.exec(text);
  return match && realDay(Number(match[1]), Number(match[2]), Number(match[3])) ? text : null;
}

/** An RFC 3339 date-time with `Z` or an offset, at a day and time that exist; the instant, or null. */
export function parseDateTime(text: unknown): Date | null {
  if (typeof text !== 'string') return null;
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6])];
  if (
    !realDay(Number(match[1]), Number(match[2]), Number(match[3])) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return null;
  if (match[9] && (Number(match[10]) > 23 || Number(match[11]) > 59)) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export const CALENDAR_DATE_EXAMPLE = '2026-09-30';
export const DATE_TIME_EXAMPLE = '2026-09-30T09:00:00Z';

/** class-validator: the property is a calendar date that exists (`parseCalendarDate`). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: ({ property }) =>
          `${property} must be a date that exists, written YYYY-MM-DD (e.g. ${CALENDAR_DATE_EXAMPLE})`,
        ...options,
      },
      validator: { validate: (value: unknown) => parseCalendarDate(value) !== null },
    });
}
