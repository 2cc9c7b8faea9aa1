import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LANGUAGE_NAMES, LanguageStore } from '@casustafel/web/shared/i18n';

/**
 * Offers the other language. The visible text is the language's own name with a matching
 * `lang` attribute; a visually hidden prefix gives the button a complete accessible name
 * that still contains the visible text (WCAG 2.5.3).
 */
@Component({
  selector: 'cst-language-switch',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      class="utrecht-button utrecht-button--secondary-action cst-language-switch"
      data-testid="language-switch"
      (click)="switch()"
    >
      <span class="cdk-visually-hidden">{{ 'language.switchPrefix' | transloco }} </span>
      <span [attr.lang]="target()">{{ targetName() }}</span>
    </button>
  `,
  styles: `
    .cst-language-switch {
      white-space: nowrap;
    }
  `,
})
export class LanguageSwitch {
  private readonly languages = inject(LanguageStore);
  private readonly transloco = inject(TranslocoService);
  private readonly announcer = inject(LiveAnnouncer);

  protected readonly target = this.languages.alternative;
  protected readonly targetName = computed(() => LANGUAGE_NAMES[this.target()]);

  protected async switch(): Promise<void> {
    await this.languages.use(this.target());
    void this.announcer.announce(this.transloco.translate('language.changed'), 'polite');
  }
}
