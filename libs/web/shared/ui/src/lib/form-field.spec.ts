import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormField, Textbox } from './form-field';

@Component({
  imports: [FormField, Textbox],
  template: `
    <cst-form-field label="E-mailadres" fieldId="email" [error]="error()" [hint]="hint()">
      <input cstTextbox type="email" />
    </cst-form-field>
  `,
})
class Host {
  readonly error = signal<string | null>(null);
  readonly hint = signal<string | null>(null);
}

describe('FormField + Textbox', () => {
  it('labels the input and links hint and error to it', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const input = root.querySelector('input') as HTMLInputElement;
    expect(input.id).toBe('email');
    expect(root.querySelector('label')?.getAttribute('for')).toBe('email');
    expect(input.getAttribute('aria-describedby')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBeNull();

    fixture.componentInstance.hint.set('naam@voorbeeld.nl');
    fixture.componentInstance.error.set('Vul uw e-mailadres in.');
    await fixture.whenStable();
    expect(input.getAttribute('aria-describedby')).toBe('email-hint email-error');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#email-error')?.textContent?.trim()).toBe('Fout: Vul uw e-mailadres in.');
  });
});
