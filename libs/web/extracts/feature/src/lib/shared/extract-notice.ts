import { ChangeDetectionStrategy, Component, ElementRef, input, output, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Alert } from '@casustafel/web/shared/ui';

/** The outcome of an action: confirmation (`ok`, polite) or error (`alert`). Texts are keys. */
export interface Notice {
  type: 'ok' | 'error';
  key: string;
  params?: Record<string, string>;
  /** Further messages (translation keys), shown as a list. */
  details?: string[];
  /** For the helpdesk, when the failure is unexpected. */
  correlationId?: string | null;
  /** Offer "Opnieuw laden" (someone else changed the extract meanwhile). */
  reload?: boolean;
}

/**
 * Shows a {@link Notice} in a Utrecht alert next to what it belongs to. It can take focus, so that
 * after an action the result is read out and keyboard users continue from there.
 */
@Component({
  selector: 'cst-extract-notice',
  imports: [Alert, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notice(); as n) {
      <div #box class="cst-extract-notice" tabindex="-1" data-testid="extract-notice">
        <cst-alert [type]="n.type">
          <p class="utrecht-paragraph">{{ n.key | transloco: n.params }}</p>
          @if (n.details?.length) {
            <ul class="utrecht-unordered-list">
              @for (detail of n.details; track detail) {
                <li class="utrecht-unordered-list__item">{{ detail | transloco }}</li>
              }
            </ul>
          }
          @if (n.correlationId) {
            <p class="utrecht-paragraph">
              {{ 'extracts.reference' | transloco }} <code>{{ n.correlationId }}</code>
            </p>
          }
          @if (n.reload) {
            <div>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                (click)="reload.emit()"
              >
                {{ 'extracts.reload' | transloco }}
              </button>
            </div>
          }
        </cst-alert>
      </div>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .cst-extract-notice:focus {
      outline: none;
    }
    .cst-extract-notice:focus-visible {
      outline: 2px dotted currentColor;
      outline-offset: 4px;
    }
  `,
})
export class ExtractNotice {
  readonly notice = input<Notice | null>(null);
  readonly reload = output<void>();
  private readonly box = viewChild<ElementRef<HTMLElement>>('box');

  focus(): void {
    this.box()?.nativeElement.focus();
  }
}
