import { Injectable } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { nl } from './translations/nl';

/**
 * Translations are compiled into the application instead of fetched from `/assets/i18n`.
 * Dutch (default) is part of the initial bundle so the first render never waits;
 * English is a lazy chunk that is only downloaded when the user switches.
 */
@Injectable({ providedIn: 'root' })
export class BundledTranslationLoader implements TranslocoLoader {
  getTranslation(lang: string): Promise<Translation> {
    switch (lang) {
      case 'nl':
        return Promise.resolve(nl);
      case 'en':
        return import('./translations/en').then((m) => m.en);
      default:
        return Promise.reject(new Error(`No translations bundled for language "${lang}"`));
    }
  }
}
