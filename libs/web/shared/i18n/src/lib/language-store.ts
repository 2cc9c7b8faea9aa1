import { DOCUMENT, Injectable, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { AppLanguage, DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, isAppLanguage } from './app-language';

/**
 * The active UI language as signals, on top of Transloco.
 * Keeps `<html lang>` in sync and remembers the choice in localStorage (`cst.lang`).
 */
@Injectable({ providedIn: 'root' })
export class LanguageStore {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);

  readonly active = computed<AppLanguage>(() => {
    const lang = this.transloco.activeLang();
    return isAppLanguage(lang) ? lang : DEFAULT_LANGUAGE;
  });

  /** The language the switch offers (the one that is not active). */
  readonly alternative = computed<AppLanguage>(() => (this.active() === 'nl' ? 'en' : 'nl'));

  constructor() {
    this.transloco.langChanges$
      .pipe(takeUntilDestroyed())
      .subscribe((lang) => (this.document.documentElement.lang = lang));
  }

  /** Restores the stored preference (or Dutch) and loads it before the first render. */
  init(): Promise<void> {
    return this.activate(this.storedPreference() ?? DEFAULT_LANGUAGE);
  }

  /** Switches the UI language and remembers the choice. */
  async use(lang: AppLanguage): Promise<void> {
    await this.activate(lang);
    this.store(lang);
  }

  toggle(): Promise<void> {
    return this.use(this.alternative());
  }

  private async activate(lang: AppLanguage): Promise<void> {
    // Load first, then switch: the page never shows untranslated keys in between.
    await firstValueFrom(this.transloco.load(lang));
    this.transloco.setActiveLang(lang);
  }

  private storedPreference(): AppLanguage | null {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isAppLanguage(stored) ? stored : null;
    } catch {
      return null; // storage disabled: fall back to the default
    }
  }

  private store(lang: AppLanguage): void {
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
    } catch {
      // storage disabled: the choice simply is not remembered
    }
  }
}
