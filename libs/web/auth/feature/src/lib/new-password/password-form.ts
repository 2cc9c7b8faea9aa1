import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ChangePasswordRequest, FieldProblem } from '@casustafel/shared/contracts';
import { FormField, Textbox } from '@casustafel/web/shared/ui';

const KNOWN_CODES = new Set([
  'passwordIncorrect',
  'passwordTooShort',
  'passwordTooLong',
  'passwordTooCommon',
  'passwordTooSimple',
  'passwordContainsName',
  'passwordUnchanged',
]);

/**
 * Current password, new password twice. The rules are explained up front; the server checks
 * them and every rule that failed is shown at the field it concerns.
 */
@Component({
  selector: 'cst-password-form',
  imports: [ReactiveFormsModule, TranslocoPipe, FormField, Textbox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="utrecht-form cst-password-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <p class="utrecht-paragraph">{{ 'newPassword.rules' | transloco }}</p>
      <cst-form-field
        [fieldId]="idPrefix() + '-current'"
        [label]="currentLabel() | transloco"
        [error]="error('currentPassword')"
        [errorPrefix]="'login.errorPrefix' | transloco"
      >
        <input
          #first
          cstTextbox
          type="password"
          autocomplete="current-password"
          aria-required="true"
          formControlName="currentPassword"
        />
      </cst-form-field>
      <cst-form-field
        [fieldId]="idPrefix() + '-new'"
        [label]="'newPassword.new' | transloco"
        [error]="error('newPassword')"
        [errorPrefix]="'login.errorPrefix' | transloco"
      >
        <input
          cstTextbox
          type="password"
          autocomplete="new-password"
          aria-required="true"
          formControlName="newPassword"
        />
      </cst-form-field>
      <cst-form-field
        [fieldId]="idPrefix() + '-repeat'"
        [label]="'newPassword.repeat' | transloco"
        [error]="error('repeat')"
        [errorPrefix]="'login.errorPrefix' | transloco"
      >
        <input
          cstTextbox
          type="password"
          autocomplete="new-password"
          aria-required="true"
          formControlName="repeat"
        />
      </cst-form-field>
      <div class="utrecht-button-group">
        <button
          type="submit"
          class="utrecht-button utrecht-button--primary-action utrecht-button--submit"
          [attr.aria-disabled]="busy() ? 'true' : null"
        >
          {{ 'newPassword.submit' | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .cst-password-form {
      display: grid;
      gap: 1.5rem;
      max-inline-size: 36rem;
    }
    input {
      box-sizing: border-box;
      inline-size: 100%;
    }
  `,
})
export class PasswordForm {
  readonly idPrefix = input('password');
  /** Translation key of the label of the first field. */
  readonly currentLabel = input('newPassword.currentAccount');
  readonly busy = input(false);
  /** Problems the server reported for the last attempt. */
  readonly serverErrors = input<FieldProblem[]>([]);
  readonly save = output<ChangePasswordRequest>();

  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);
  private readonly first = viewChild.required<ElementRef<HTMLInputElement>>('first');
  private readonly submitted = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', Validators.required],
    repeat: ['', Validators.required],
  });

  constructor() {
    effect(() => {
      if (this.serverErrors().length > 0) {
        afterNextRender(() => this.first().nativeElement.focus(), { injector: this.injector });
      }
    });
  }

  /** Clears the form after a successful save. */
  reset(): void {
    this.form.reset();
    this.submitted.set(false);
  }

  protected error(field: 'currentPassword' | 'newPassword' | 'repeat'): string | null {
    const server = this.serverErrors()
      .filter((p) => p.field === field)
      .map((p) =>
        this.transloco.translate(
          `newPassword.errors.${KNOWN_CODES.has(p.code) ? p.code : 'passwordTooSimple'}`,
        ),
      );
    if (server.length > 0) {
      return server.join(' ');
    }
    if (!this.submitted()) {
      return null;
    }
    const control = this.form.controls[field];
    if (control.hasError('required')) {
      return this.transloco.translate('newPassword.errors.required');
    }
    if (field === 'repeat' && control.value !== this.form.controls.newPassword.value) {
      return this.transloco.translate('newPassword.errors.mismatch');
    }
    return null;
  }

  protected submit(): void {
    this.submitted.set(true);
    const { currentPassword, newPassword, repeat } = this.form.getRawValue();
    if (this.form.invalid || newPassword !== repeat) {
      afterNextRender(() => this.first().nativeElement.focus(), { injector: this.injector });
      return;
    }
    if (!this.busy()) {
      this.save.emit({ currentPassword, newPassword });
    }
  }
}
