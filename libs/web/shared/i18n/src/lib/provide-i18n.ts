import { registerLocaleData } from '@angular/common';
import localeNl from '@angular/common/locales/nl';
import {
  EnvironmentProviders,
  inject,
  isDevMode,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { provideTransloco } from '@jsverse/transloco';
import { APP_LANGUAGES, DEFAULT_LANGUAGE } from './app-language';
import { BundledTranslationLoader } from './bundled-translation-loader';
import { LanguageStore } from './language-store';
import { TranslatedTitleStrategy } from './translated-title-strategy';

/**
 * Everything the web app needs for i18n: Transloco, the stored language, translated titles, and
 * Dutch date and number formats for Angular's pipes (English is built in).
 */
export function provideI18n(): EnvironmentProviders {
  registerLocaleData(localeNl, 'nl');
  return makeEnvironmentProviders([
    provideTransloco({
      config: {
        availableLangs: [...APP_LANGUAGES],
        defaultLang: DEFAULT_LANGUAGE,
        fallbackLang: DEFAULT_LANGUAGE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
      },
      loader: BundledTranslationLoader,
    }),
    provideAppInitializer(() => inject(LanguageStore).init()),
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
  ]);
}
