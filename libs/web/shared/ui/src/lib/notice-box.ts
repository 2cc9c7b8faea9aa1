import { ChangeDetectionStrategy, Component, ElementRef, input, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Alert } from './alert';

/** The outcome of an action: confirmation (`ok`, polite) or error (`alert`). Texts are keys. */
export interface Notice {
  type: 'ok' | 'error';
  key: string;
  params?: Record<string, string>;
  /** Further messages (translation keys), shown as a list. */
  details?: string[];
  /** For the helpdesk, when the failure is unexpected. */
  correlationId?: string | null;
}

/**
 * Shows a {@link Notice} in a Utrecht alert, with projected actions (e.g. "Opnieuw laden"). It can
 * take focus, so that after an action the result is read out and keyboard users continue there.
 * The feature names the translation key for "Referentie voor de helpdesk" and the test id.
 */
@Component({
  selector: 'cst-notice',
  imports: [Alert, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notice(); as n) {
      <div #box class="cst-notice" tabindex="-1" [attr.data-testid]="testId()">
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
              {{ referenceKey() | transloco }} <code>{{ n.correlationId }}</code>
            </p>
          }
          <ng-content />
        </cst-alert>
      </div>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .cst-notice:focus {
      outline: none;
    }
    .cst-notice:focus-visible {
      outline: 2px dotted currentColor;
      outline-offset: 4px;
    }
  `,
})
export class NoticeBox {
  readonly notice = input<Notice | null>(null);
  /** Translation key of the words before the correlation id. */
  readonly referenceKey = input.required<string>();
  readonly testId = input('notice');
  private readonly box = viewChild<ElementRef<HTMLElement>>('box');

  focus(): void {
    this.box()?.nativeElement.focus();
  }
}
