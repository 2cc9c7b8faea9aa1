export * from './lib/app-language';
export * from './lib/bundled-translation-loader';
export * from './lib/language-store';
export * from './lib/provide-i18n';
export * from './lib/translated-title-strategy';
export type { CasustafelTranslation } from './lib/translations/nl';
export * from './lib/format';
