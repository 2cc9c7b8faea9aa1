/** Languages the user interface is available in. Dutch is the default and the fallback. */
export const APP_LANGUAGES = ['nl', 'en'] as const;

export type AppLanguage = (typeof APP_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: AppLanguage = 'nl';

/** localStorage key for the UI language preference. Holds nothing but `nl` or `en`, never case data. */
export const LANGUAGE_STORAGE_KEY = 'cst.lang';

/** Endonyms: a language is always named in that language itself, so these are not translated. */
export const LANGUAGE_NAMES: Readonly<Record<AppLanguage, string>> = {
  nl: 'Nederlands',
  en: 'English',
};

export function isAppLanguage(value: unknown): value is AppLanguage {
  return typeof value === 'string' && (APP_LANGUAGES as readonly string[]).includes(value);
}
