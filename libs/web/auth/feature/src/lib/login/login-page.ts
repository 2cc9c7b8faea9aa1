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
import { ActivatedRoute } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthApi, SessionStore, correlationIdOf, statusOf } from '@casustafel/web/auth/data-access';
import { Alert, FormField, Textbox } from '@casustafel/web/shared/ui';
import { finalize } from 'rxjs';
import { LoginFlow } from '../flow/login-flow';

export type LoginFailureReason = 'credentials' | 'throttled' | 'unavailable';

/** Why a login failed, in terms the page translates; the API's English titles are never shown. */
export function loginFailure(error: unknown): { reason: LoginFailureReason; correlationId: string | null } {
  const status = statusOf(error);
  const reason: LoginFailureReason =
    status === 401 ? 'credentials' : status === 429 ? 'throttled' : 'unavailable';
  return { reason, correlationId: correlationIdOf(error) };
}

/** Step 1 of signing in: e-mail address and password. */
@Component({
  selector: 'cst-login-page',
  imports: [ReactiveFormsModule, TranslocoPipe, Alert, FormField, Textbox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
})
export class LoginPage {
  private readonly api = inject(AuthApi);
  private readonly flow = inject(LoginFlow);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  protected readonly store = inject(SessionStore);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });

  /** Errors are shown only after the first submit attempt, then they follow the input live. */
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly failure = signal<{ reason: LoginFailureReason; correlationId: string | null } | null>(
    null,
  );
  protected readonly expired = this.route.snapshot.queryParamMap.has('verlopen');

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
    this.failure.set(null);
    if (this.form.invalid) {
      this.focusFirstInvalid();
      return;
    }
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.api
      .login(this.form.getRawValue())
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (step) => {
          this.form.controls.password.reset();
          void this.flow.proceed(step.next, this.flow.returnUrl(this.route));
        },
        error: (error: unknown) => {
          this.form.controls.password.reset();
          this.failure.set(loginFailure(error));
        },
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
