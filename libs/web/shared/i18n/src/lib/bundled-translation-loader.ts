import { Injectable } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';

/**
 * Translations are compiled into the application instead of fetched from `/assets/i18n`, each
 * language as its own lazy chunk: Dutch is loaded at start-up, alongside the session check (the
 * app initializers run together), English only when the user switches. Keeping the texts out of
 * the initial bundle keeps it within budget as features add texts (QUALITY-TARGETS P7).
 */
@Injectable({ providedIn: 'root' })
export class BundledTranslationLoader implements TranslocoLoader {
  getTranslation(lang: string): Promise<Translation> {
    switch (lang) {
      case 'nl':
        return import('./translations/nl').then((m) => m.nl);
      case 'en':
        return import('./translations/en').then((m) => m.en);
      default:
        return Promise.reject(new Error(`No translations bundled for language "${lang}"`));
    }
  }
}
