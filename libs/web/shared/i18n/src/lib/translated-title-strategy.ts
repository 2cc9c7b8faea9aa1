import { Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { BehaviorSubject, combineLatest } from 'rxjs';

/**
 * Route `title`s are translation keys. The document title becomes
 * "<page> - Casustafel" and is re-translated whenever the language changes.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly pageKey$ = new BehaviorSubject<string | undefined>(undefined);

  constructor() {
    super();
    combineLatest([this.pageKey$, this.transloco.selectTranslation()])
      .pipe(takeUntilDestroyed())
      .subscribe(([key]) => this.title.setTitle(this.compose(key)));
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey$.next(this.buildTitle(snapshot));
  }

  private compose(key: string | undefined): string {
    const app = this.transloco.translate('app.name');
    return key ? `${this.transloco.translate(key)} - ${app}` : app;
  }
}
