import { ChangeDetectionStrategy, Component, computed, forwardRef, input, signal } from '@angular/core';
import { ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';

export interface CheckboxOption {
  value: string;
  /** Already translated. */
  label: string;
}

/**
 * Checkboxes as one form control whose value is the list of checked values: a fieldset with a
 * legend, optional hint and error (linked with `aria-describedby`). Each box has the id
 * `idPrefix-value`, so a form can move focus to the first one.
 */
@Component({
  selector: 'cst-detail-checkboxes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => DetailCheckboxes), multi: true }],
  template: `
    <fieldset
      class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset cst-checkboxes"
      [class.utrecht-form-fieldset--invalid]="error()"
      [attr.aria-describedby]="describedBy()"
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {{ legend() }}
      </legend>
      @if (hint(); as text) {
        <div class="utrecht-form-field-description" [id]="idPrefix() + '-hint'">{{ text }}</div>
      }
      @if (error(); as text) {
        <div class="utrecht-form-field-error-message" [id]="idPrefix() + '-error'">
          <span class="cdk-visually-hidden">{{ errorPrefix() }} </span>{{ text }}
        </div>
      }
      <div class="cst-checkboxes__options">
        @for (option of options(); track option.value) {
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <div class="utrecht-form-field__input">
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                [id]="idPrefix() + '-' + option.value"
                [checked]="value().includes(option.value)"
                [disabled]="disabled()"
                (change)="toggle(option.value, $event)"
                (blur)="onTouched()"
              />
            </div>
            <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
              <label
                class="utrecht-form-label utrecht-form-label--checkbox"
                [for]="idPrefix() + '-' + option.value"
                >{{ option.label }}</label
              >
            </div>
          </div>
        }
      </div>
    </fieldset>
  `,
  styles: `
    .cst-checkboxes {
      display: grid;
      gap: 0.5rem;
      min-inline-size: 0;
    }
    .cst-checkboxes__options {
      display: grid;
      gap: 0.25rem 1.5rem;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    }
    .cst-checkboxes .utrecht-form-field--checkbox {
      margin: 0;
    }
  `,
})
export class DetailCheckboxes implements ControlValueAccessor {
  readonly legend = input.required<string>();
  readonly idPrefix = input.required<string>();
  readonly options = input.required<readonly CheckboxOption[]>();
  readonly hint = input<string | null>(null);
  readonly error = input<string | null>(null);
  readonly errorPrefix = input('Fout:');

  protected readonly value = signal<readonly string[]>([]);
  protected readonly disabled = signal(false);
  protected readonly describedBy = computed(() => {
    const ids = [
      this.hint() ? `${this.idPrefix()}-hint` : null,
      this.error() ? `${this.idPrefix()}-error` : null,
    ].filter(Boolean);
    return ids.length ? ids.join(' ') : null;
  });

  private onChange: (value: string[]) => void = () => undefined;
  protected onTouched: () => void = () => undefined;

  writeValue(value: readonly string[] | null): void {
    this.value.set(value ?? []);
  }

  registerOnChange(fn: (value: string[]) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected toggle(option: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    const current = this.value().filter((v) => v !== option);
    // Keep the order of the options, whatever order they were ticked in.
    const next = this.options()
      .map((o) => o.value)
      .filter((o) => (o === option ? checked : current.includes(o)));
    this.value.set(next);
    this.onChange([...next]);
  }
}
