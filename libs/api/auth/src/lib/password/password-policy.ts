import type { FieldProblem } from '@casustafel/shared/contracts';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Passwords most often tried in attacks and seen in Dutch breach lists, in lower case. Checked
 * after removing a trailing run of digits and symbols, so "Welkom2026!" counts as "welkom".
 */
const COMMON = new Set([
  'password',
  'wachtwoord',
  'welkom',
  'welcome',
  'qwerty',
  'qwertyuiop',
  'azerty',
  'letmein',
  'admin',
  'administrator',
  'geheim',
  'secret',
  'iloveyou',
  'monkey',
  'dragon',
  'football',
  'voetbal',
  'ajax',
  'feyenoord',
  'psv',
  'zomer',
  'winter',
  'lente',
  'herfst',
  'summer',
  'autumn',
  'spring',
  'changeme',
  'wijzigen',
  'veranderen',
  'test',
  'testtest',
  'abc',
  'abcdef',
  'abcdefgh',
  'asdf',
  'asdfgh',
  'zxcvbn',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'wachtw00rd',
  'casustafel',
  'veiligheidshuis',
  'zorgenveiligheid',
  'gemeente',
  'politie',
  'nederland',
  'holland',
  'amsterdam',
  'rotterdam',
  'hilversum',
  'princess',
  'sunshine',
  'master',
  'hello',
  'hallo',
  'trustno1',
  'superman',
  'batman',
  'starwars',
  'computer',
]);

export interface PasswordContext {
  email: string;
  displayName: string;
  currentPassword?: string;
}

/**
 * NIST SP 800-63B style rules: long enough, not a known or personal password, not trivial. No
 * composition rules (they make passwords worse, not better). Returns every rule that failed, each
 * naming the field, so the form can say exactly what to change.
 */
export function checkPassword(
  password: string,
  context: PasswordContext,
  field = 'newPassword',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (code: string, message: string) => problems.push({ field, code, message });
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) {
    problem('passwordTooShort', `must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  }
  if (chars.length > PASSWORD_MAX_LENGTH) {
    problem('passwordTooLong', `must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  }
  const lower = password.toLowerCase();
  const core = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  if (COMMON.has(lower) || COMMON.has(core) || /^(.)\1+$/u.test(lower) || isSequence(lower)) {
    problem('passwordTooCommon', 'is a commonly used password');
  } else if (new Set(chars).size < 5) {
    problem('passwordTooSimple', 'must use at least 5 different characters');
  }
  const personal = personalWords(context);
  if (personal.some((word) => lower.includes(word))) {
    problem('passwordContainsName', 'must not contain your name or e-mail address');
  }
  if (context.currentPassword !== undefined && password === context.currentPassword) {
    problem('passwordUnchanged', 'must differ from the current password');
  }
  return problems;
}

function personalWords(context: PasswordContext): string[] {
  const local = context.email.split('@')[0] ?? '';
  return [local, ...local.split(/[._-]+/), ...context.displayName.split(/[\s().,-]+/)]
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 4);
}

function isSequence(text: string): boolean {
  const digits = '01234567890123456789';
  const letters = 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz';
  return text.length >= 6 && (digits.includes(text) || letters.includes(text));
}
