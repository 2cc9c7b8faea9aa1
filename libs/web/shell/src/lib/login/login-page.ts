import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { Alert } from '@casustafel/web/shared/ui';
import { finalize } from 'rxjs';
import { AuthApi, LoginFailure, loginFailure } from '../auth/auth-api';
import { SessionStore, toSessionUser } from '../session/session-store';

type LoginOutcome = ({ kind: 'failed' } & LoginFailure) | { kind: 'ok' };

@Component({
  selector: 'cst-login-page',
  imports: [ReactiveFormsModule, TranslocoPipe, Alert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
})
export class LoginPage {
  private readonly authApi = inject(AuthApi);
  private readonly session = inject(SessionStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });

  /** Errors are shown only after the first submit attempt, then they follow the input live. */
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly outcome = signal<LoginOutcome | null>(null);

  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  protected emailError(): string | null {
    return this.errorKey(this.form.controls.email, {
      required: 'login.errors.emailRequired',
      email: 'login.errors.emailFormat',
    });
  }

  protected passwordError(): string | null {
    return this.errorKey(this.form.controls.password, { required: 'login.errors.passwordRequired' });
  }

  protected submit(): void {
    this.submitted.set(true);
    this.outcome.set(null);
    if (this.form.invalid) {
      this.focusFirstInvalid();
      return;
    }
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.authApi
      .login(this.form.getRawValue())
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (body) => {
          const user = toSessionUser(body);
          if (user) {
            this.session.signIn(user);
          }
          this.form.controls.password.reset();
          this.submitted.set(false);
          this.outcome.set({ kind: 'ok' });
        },
        error: (error: unknown) => this.outcome.set({ kind: 'failed', ...loginFailure(error) }),
      });
  }

  private errorKey(control: AbstractControl, keys: Record<string, string>): string | null {
    if (!this.submitted() || !control.errors) {
      return null;
    }
    const first = Object.keys(keys).find((error) => control.hasError(error));
    return first ? keys[first] : null;
  }

  private focusFirstInvalid(): void {
    // Wait for the error texts and aria-describedby to render, so they are read on focus.
    afterNextRender(
      () => {
        const target = this.form.controls.email.invalid ? this.emailInput() : this.passwordInput();
        target.nativeElement.focus();
      },
      { injector: this.injector },
    );
  }
}
