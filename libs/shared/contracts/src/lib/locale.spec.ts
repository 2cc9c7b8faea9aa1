import { DEFAULT_LOCALE, isLocale } from './locale';

describe('isLocale', () => {
  it('accepts the supported languages and Dutch is the default', () => {
    expect(isLocale('nl')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(DEFAULT_LOCALE).toBe('nl');
  });

  it('rejects anything else', () => {
    expect(isLocale('de')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
    expect(isLocale('NL')).toBe(false);
  });
});
