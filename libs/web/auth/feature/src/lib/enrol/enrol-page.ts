import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  OnInit,
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
import type { LoginNextStep, SecondFactorEnrolmentResponse } from '@casustafel/shared/contracts';
import { Alert, FormField, Textbox } from '@casustafel/web/shared/ui';
import { finalize } from 'rxjs';
import { LoginFlow } from '../flow/login-flow';

/**
 * Login step for a user without a second factor: scan the QR code (or type the key), confirm with
 * a code, then write down the recovery codes, which are shown once.
 */
@Component({
  selector: 'cst-enrol-page',
  imports: [ReactiveFormsModule, TranslocoPipe, Alert, FormField, Textbox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './enrol-page.html',
  styleUrl: '../login/login-page.scss',
})
export class EnrolPage implements OnInit {
  private readonly api = inject(AuthApi);
  private readonly flow = inject(LoginFlow);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly returnUrl = this.flow.returnUrl(this.route);

  protected readonly enrolment = signal<SecondFactorEnrolmentResponse | null>(null);
  protected readonly recoveryCodes = signal<string[] | null>(null);
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly serverError = signal<string | null>(null);
  protected readonly stored = signal(false);
  private next: LoginNextStep = 'DONE';

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.pattern(/^\s*\d{6}\s*$/)]],
  });

  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeInput');
  private readonly recoveryHeading = viewChild<ElementRef<HTMLElement>>('recoveryHeading');

  ngOnInit(): void {
    this.api
      .startEnrolment()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (enrolment) => this.enrolment.set(enrolment),
        error: () => void this.flow.restart(this.returnUrl),
      });
  }

  protected error(): string | null {
    if (this.serverError()) {
      return this.serverError();
    }
    if (!this.submitted()) {
      return null;
    }
    const code = this.form.controls.code;
    return code.hasError('required')
      ? 'secondFactor.errors.codeRequired'
      : code.invalid
        ? 'secondFactor.errors.codeFormat'
        : null;
  }

  protected confirm(): void {
    this.submitted.set(true);
    this.serverError.set(null);
    if (this.form.invalid) {
      this.focus(this.codeInput());
      return;
    }
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.api
      .confirmEnrolment(this.form.controls.code.value.trim())
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (result) => {
          this.next = result.next;
          this.recoveryCodes.set(result.recoveryCodes);
          this.focus(this.recoveryHeading());
        },
        error: (error: unknown) => {
          this.form.reset();
          if (statusOf(error) === 401) {
            void this.flow.restart(this.returnUrl);
            return;
          }
          this.serverError.set(
            statusOf(error) === 400 ? 'secondFactor.errors.invalidCode' : 'login.failedGeneric',
          );
          this.focus(this.codeInput());
        },
      });
  }

  protected continue(): void {
    void this.flow.proceed(this.next, this.returnUrl);
  }

  private focus(target: ElementRef<HTMLElement> | undefined): void {
    afterNextRender(() => (target ?? this.codeInput())?.nativeElement.focus(), { injector: this.injector });
  }
}
