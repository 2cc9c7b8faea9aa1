import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { textOf, tick } from '../testing/page-harness';
import { ShaValue } from './sha-value';

describe('ShaValue', () => {
  const HASH = 'c'.repeat(64);

  async function render(writeText?: (text: string) => Promise<void>) {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: writeText ? { writeText } : undefined,
    });
    TestBed.configureTestingModule({ imports: [ShaValue], providers: [provideI18n()] });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    const fixture = TestBed.createComponent(ShaValue);
    fixture.componentRef.setInput('value', HASH);
    fixture.componentRef.setInput('document', 'pdf');
    await fixture.whenStable();
    return fixture;
  }

  it('shows the hash as code and copies it, saying so in a status message', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    const fixture = await render(writeText);
    const root: HTMLElement = fixture.nativeElement;
    expect(root.querySelector('code')?.textContent).toBe(HASH);
    const button = root.querySelector('button') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toBe('Kopiëren: SHA-256 van de pdf');
    button.click();
    await tick();
    await fixture.whenStable();
    expect(writeText).toHaveBeenCalledWith(HASH);
    expect(textOf(root.querySelector('[role="status"]'))).toBe('De SHA-256 van de pdf is gekopieerd.');
  });

  it('asks to copy by hand when the browser does not allow it', async () => {
    const fixture = await render(() => Promise.reject(new Error('denied')));
    const root: HTMLElement = fixture.nativeElement;
    (root.querySelector('button') as HTMLButtonElement).click();
    await tick();
    await fixture.whenStable();
    expect(textOf(root.querySelector('[role="status"]'))).toContain('Selecteer de code en kopieer hem zelf.');
  });
});
