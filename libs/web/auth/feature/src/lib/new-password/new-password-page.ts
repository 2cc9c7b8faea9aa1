import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChangePasswordRequest, FieldProblem } from '@casustafel/shared/contracts';
import { AuthApi, problemOf, statusOf } from '@casustafel/web/auth/data-access';
import { finalize } from 'rxjs';
import { LoginFlow } from '../flow/login-flow';
import { PasswordForm } from './password-form';

/** Login step: replace the temporary password a beheerder handed out. */
@Component({
  selector: 'cst-new-password-page',
  imports: [TranslocoPipe, PasswordForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cst-login">
      <h1 class="utrecht-heading-1">{{ 'newPassword.heading' | transloco }}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead cst-login__intro">
        {{ 'newPassword.intro' | transloco }}
      </p>
      <cst-password-form
        idPrefix="new-password"
        currentLabel="newPassword.current"
        [busy]="busy()"
        [serverErrors]="errors()"
        (save)="save($event)"
      />
    </div>
  `,
  styleUrl: '../login/login-page.scss',
})
export class NewPasswordPage {
  private readonly api = inject(AuthApi);
  private readonly flow = inject(LoginFlow);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly busy = signal(false);
  protected readonly errors = signal<FieldProblem[]>([]);

  protected save(request: ChangePasswordRequest): void {
    this.busy.set(true);
    this.errors.set([]);
    const returnUrl = this.flow.returnUrl(this.route);
    this.api
      .changeTemporaryPassword(request)
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (step) => void this.flow.proceed(step.next, returnUrl),
        error: (error: unknown) => {
          if (statusOf(error) === 401 || statusOf(error) === 409) {
            void this.flow.restart(returnUrl);
            return;
          }
          this.errors.set(
            problemOf(error)?.errors ?? [{ field: 'newPassword', code: 'passwordTooSimple', message: '' }],
          );
        },
      });
  }
}
