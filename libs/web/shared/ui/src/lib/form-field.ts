import { ChangeDetectionStrategy, Component, Directive, computed, inject, input } from '@angular/core';

/**
 * NL Design System (Utrecht) form field: label, optional hint, error text between label and
 * input, and the projected control. Pair it with {@link Textbox} on the `<input>`, which links the
 * hint and error to the input (`aria-describedby`) and marks it invalid.
 *
 * `error` and `hint` are already translated texts; `errorPrefix` is read before the error by
 * screen readers ("Fout:").
 */
@Component({
  selector: 'cst-form-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="utrecht-form-field utrecht-form-field--text" [class.utrecht-form-field--invalid]="error()">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" [for]="fieldId()">{{ label() }}</label>
      </div>
      @if (hint(); as text) {
        <div
          class="utrecht-form-field__description utrecht-form-field-description"
          [id]="fieldId() + '-hint'"
        >
          {{ text }}
        </div>
      }
      @if (error(); as text) {
        <div
          class="utrecht-form-field__error-message utrecht-form-field-error-message"
          [id]="fieldId() + '-error'"
        >
          <span class="cdk-visually-hidden">{{ errorPrefix() }} </span>{{ text }}
        </div>
      }
      <div class="utrecht-form-field__input"><ng-content /></div>
    </div>
  `,
  styles: `
    .utrecht-form-field__error-message,
    .utrecht-form-field__description {
      margin-block-end: var(--utrecht-space-block-xs, 8px);
    }
  `,
})
export class FormField {
  readonly label = input.required<string>();
  readonly fieldId = input.required<string>();
  readonly error = input<string | null>(null);
  readonly hint = input<string | null>(null);
  readonly errorPrefix = input('Fout:');

  /** Ids for `aria-describedby`: the hint, then the error. */
  readonly describedBy = computed(() => {
    const ids = [
      this.hint() ? `${this.fieldId()}-hint` : null,
      this.error() ? `${this.fieldId()}-error` : null,
    ].filter(Boolean);
    return ids.length ? ids.join(' ') : null;
  });
}

/** Utrecht textbox styling plus the accessibility wiring of the surrounding {@link FormField}. */
@Directive({
  selector: 'input[cstTextbox], textarea[cstTextbox], select[cstTextbox]',
  host: {
    class: 'utrecht-textbox utrecht-textbox--html-input cst-textbox',
    '[class.utrecht-textbox--invalid]': 'field?.error()',
    '[attr.aria-invalid]': "field?.error() ? 'true' : null",
    '[attr.aria-describedby]': 'field?.describedBy() ?? null',
    '[id]': 'field?.fieldId()',
  },
})
export class Textbox {
  protected readonly field = inject(FormField, { optional: true });
}
