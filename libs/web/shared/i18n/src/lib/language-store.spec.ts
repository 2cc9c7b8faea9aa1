import { ApplicationInitStatus, DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { LANGUAGE_STORAGE_KEY } from './app-language';
import { LanguageStore } from './language-store';
import { provideI18n } from './provide-i18n';

async function setup(): Promise<{ store: LanguageStore; transloco: TranslocoService; document: Document }> {
  TestBed.configureTestingModule({ providers: [provideRouter([]), provideI18n()] });
  await TestBed.inject(ApplicationInitStatus).donePromise;
  return {
    store: TestBed.inject(LanguageStore),
    transloco: TestBed.inject(TranslocoService),
    document: TestBed.inject(DOCUMENT),
  };
}

describe('LanguageStore', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  it('starts in Dutch when nothing is stored', async () => {
    const { store, transloco, document } = await setup();

    expect(store.active()).toBe('nl');
    expect(store.alternative()).toBe('en');
    expect(document.documentElement.lang).toBe('nl');
    expect(transloco.translate('login.heading')).toBe('Inloggen bij Casustafel');
  });

  it('restores a stored English preference before the first render', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const { store, transloco, document } = await setup();

    expect(store.active()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(transloco.translate('login.heading')).toBe('Log in to Casustafel');
  });

  it('ignores an unknown stored value', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    const { store } = await setup();

    expect(store.active()).toBe('nl');
  });

  it('switches language, updates <html lang> and remembers the choice', async () => {
    const { store, transloco, document } = await setup();

    await store.toggle();

    expect(store.active()).toBe('en');
    expect(store.alternative()).toBe('nl');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(transloco.translate('nav.login')).toBe('Log in');

    await store.use('nl');

    expect(document.documentElement.lang).toBe('nl');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('nl');
    expect(transloco.translate('nav.login')).toBe('Inloggen');
  });
});
