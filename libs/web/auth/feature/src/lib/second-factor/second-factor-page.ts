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
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthApi, statusOf } from '@casustafel/web/auth/data-access';
import { FormField, Textbox } from '@casustafel/web/shared/ui';
import { finalize } from 'rxjs';
import { LoginFlow } from '../flow/login-flow';

type Mode = 'app' | 'recovery';

/** Login step: the six-digit code from the authenticator app, or a one-time recovery code. */
@Component({
  selector: 'cst-second-factor-page',
  imports: [ReactiveFormsModule, TranslocoPipe, FormField, Textbox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './second-factor-page.html',
  styleUrl: '../login/login-page.scss',
})
export class SecondFactorPage {
  private readonly api = inject(AuthApi);
  private readonly flow = inject(LoginFlow);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  protected readonly mode = signal<Mode>('app');
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  /** Translation key of the error the server gave, shown at the field. */
  protected readonly serverError = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.pattern(/^\s*\d{6}\s*$/)]],
    recoveryCode: ['', [Validators.required]],
  });

  private readonly input = viewChild.required<ElementRef<HTMLInputElement>>('codeInput');

  protected error(): string | null {
    if (this.serverError()) {
      return this.serverError();
    }
    if (!this.submitted()) {
      return null;
    }
    if (this.mode() === 'recovery') {
      return this.form.controls.recoveryCode.invalid ? 'secondFactor.errors.recoveryRequired' : null;
    }
    const code = this.form.controls.code;
    return code.hasError('required')
      ? 'secondFactor.errors.codeRequired'
      : code.invalid
        ? 'secondFactor.errors.codeFormat'
        : null;
  }

  protected switchMode(): void {
    this.mode.set(this.mode() === 'app' ? 'recovery' : 'app');
    this.submitted.set(false);
    this.serverError.set(null);
    this.focusInput();
  }

  protected submit(): void {
    this.submitted.set(true);
    this.serverError.set(null);
    const recovery = this.mode() === 'recovery';
    const control = recovery ? this.form.controls.recoveryCode : this.form.controls.code;
    if (control.invalid) {
      this.focusInput();
      return;
    }
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    const returnUrl = this.flow.returnUrl(this.route);
    this.api
      .secondFactor(recovery ? { recoveryCode: control.value.trim() } : { code: control.value.trim() })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (step) => void this.flow.proceed(step.next, returnUrl),
        error: (error: unknown) => {
          control.reset();
          if (statusOf(error) === 401) {
            void this.flow.restart(returnUrl);
            return;
          }
          this.serverError.set(
            statusOf(error) === 400 ? 'secondFactor.errors.invalidCode' : 'login.failedGeneric',
          );
          this.focusInput();
        },
      });
  }

  private focusInput(): void {
    afterNextRender(() => this.input().nativeElement.focus(), { injector: this.injector });
  }
}
