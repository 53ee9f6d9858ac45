// Password rules after NIST SP 800-63B-4 (§3.1.1.2): a minimum length and a generous maximum,
// any characters (spaces and emoji included), no composition rules, and a refusal — saying
// why — for passwords that are common or breached, repetitive or sequential, or made of the
// person's own name or e-mail address. The common list ships in an npm package (zxcvbn-ts's
// 'passwords-common', about 49,000 passwords drawn from breach corpora, MIT): nothing is
// fetched at run time.
import { dictionary } from '@zxcvbn-ts/language-common';
import { IdentityErrors } from './identity.errors';

/** 15: SP 800-63B-4 asks this of a password that is the only authenticator, as Lattice's is. */
export const PASSWORD_MIN_LENGTH = 15;
/** Well above the 64 the guideline asks verifiers to accept; argon2 hashes any length. */
export const PASSWORD_MAX_LENGTH = 256;

let common: ReadonlySet<string> | undefined;
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set((dictionary['passwords-common'] as readonly string[]).map((word) => word.toLowerCase()));
  return common;
}

export interface PasswordOwner {
  readonly email: string;
  readonly name?: string | null;
}

/** BAD_USER_INPUT with a reason saying what is wrong, or nothing when the password may be used. */
export function assertAcceptablePassword(password: string, owner: PasswordOwner): void {
  const normalized = password.normalize('NFKC');
  const length = [...normalized].length;
  const refuse = (code: Parameters<typeof IdentityErrors.of>[0], message: string) => {
    throw IdentityErrors.of(code, message, {
      field: 'password',
      minLength: PASSWORD_MIN_LENGTH,
      maxLength: PASSWORD_MAX_LENGTH,
    });
  };
  if (length < PASSWORD_MIN_LENGTH)
    refuse(
      'PASSWORD_TOO_SHORT',
      `Use at least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a long password that is easy to remember.`,
    );
  if (length > PASSWORD_MAX_LENGTH)
    refuse('PASSWORD_TOO_LONG', `Use at most ${PASSWORD_MAX_LENGTH} characters.`);
  const lower = normalized.toLowerCase();
  if (isRepetitiveOrSequential(lower))
    refuse(
      'PASSWORD_REPETITIVE',
      'This password is a repeated or sequential pattern (like aaaa… or 1234…), which is guessed at once. Choose another.',
    );
  if (isCommon(lower))
    refuse(
      'PASSWORD_TOO_COMMON',
      'This password is on a list of common and breached passwords that attackers try first. Choose another.',
    );
  if (isPersonal(lower, owner))
    refuse(
      'PASSWORD_PERSONAL',
      'This password is made from your name or e-mail address, which others can guess. Choose another.',
    );
}

function isCommon(lower: string): boolean {
  const list = commonPasswords();
  if (list.has(lower)) return true;
  // A common password dressed with digits or symbols around it (password1234!, 2024iloveyou).
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  return core.length >= 4 && list.has(core);
}

function isRepetitiveOrSequential(lower: string): boolean {
  const chars = [...lower];
  if (new Set(chars).size <= 3) return true;
  let steps = 0;
  for (let i = 1; i < chars.length; i++) {
    const delta = chars[i]!.codePointAt(0)! - chars[i - 1]!.codePointAt(0)!;
    if (Math.abs(delta) === 1 || (chars[i] === '0' && chars[i - 1] === '9')) steps++;
  }
  return steps / (chars.length - 1) >= 0.75;
}

/** The address itself, or mostly the person's name or the name part of their address (ada.lovelace…). */
function isPersonal(lower: string, owner: PasswordOwner): boolean {
  const email = owner.email.trim().toLowerCase();
  if (lower.includes(email)) return true;
  const local = email.split('@')[0] ?? '';
  const words = [
    ...local.split(/[^\p{L}\p{N}]+/u),
    local.replace(/[^\p{L}\p{N}]/gu, ''),
    ...(owner.name ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u),
  ]
    .filter((word) => word.length >= 3)
    .sort((a, b) => b.length - a.length);
  let rest = lower;
  for (const word of words) rest = rest.split(word).join('');
  // What is left once those words are taken out, ignoring digits and punctuation around them.
  const left = rest.replace(/[\d\W_]/gu, '');
  return left.length < 6 && rest.length < lower.length;
}
