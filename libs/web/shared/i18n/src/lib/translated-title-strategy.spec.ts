import { ApplicationInitStatus, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { LanguageStore } from './language-store';
import { provideI18n } from './provide-i18n';

@Component({ template: '' })
class EmptyPage {}

describe('TranslatedTitleStrategy', () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'inloggen', title: 'login.title', component: EmptyPage },
          { path: 'zonder-titel', component: EmptyPage },
        ]),
        provideI18n(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
  });

  it('translates the route title and follows language changes', async () => {
    const harness = await RouterTestingHarness.create();
    const title = TestBed.inject(Title);

    await harness.navigateByUrl('/inloggen');
    expect(title.getTitle()).toBe('Inloggen - Casustafel');

    await TestBed.inject(LanguageStore).use('en');
    expect(title.getTitle()).toBe('Log in - Casustafel');
  });

  it('falls back to the product name for routes without a title', async () => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/zonder-titel');

    expect(TestBed.inject(Title).getTitle()).toBe('Casustafel');
  });
});
