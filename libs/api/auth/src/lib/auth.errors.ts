import { AppError } from '@casustafel/api/platform';

/**
 * Wrong e-mail address or password, an unknown, locked or deactivated account: one answer for
 * all, so the response does not tell which accounts exist (the audit log records the reason).
 */
export class InvalidCredentialsError extends AppError {
  readonly status = 401;
  readonly code = 'auth.invalid_credentials';
  readonly title = 'Sign-in failed';
  constructor() {
    super('The e-mail address or password is not correct, or the account is locked for a while.');
  }
}
