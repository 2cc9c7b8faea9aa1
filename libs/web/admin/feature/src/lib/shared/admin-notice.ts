import { ChangeDetectionStrategy, Component, ElementRef, input, viewChild } from '@angular/core';
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
}

/**
 * Shows a {@link Notice} in a Utrecht alert. It can take focus (`focus()`), so that after an
 * action the result is read out and keyboard users continue from there.
 */
@Component({
  selector: 'cst-admin-notice',
  imports: [Alert, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notice(); as n) {
      <div #box class="cst-admin-notice" tabindex="-1" data-testid="admin-notice">
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
              {{ 'admin.errors.reference' | transloco }} <code>{{ n.correlationId }}</code>
            </p>
          }
        </cst-alert>
      </div>
    }
  `,
  styles: `
    /* No box of its own: an empty notice must not take up a gap in the page's grid. */
    :host {
      display: contents;
    }
    /* A long identifier in the text (a URN) wraps instead of widening the page on a phone. */
    .cst-admin-notice {
      overflow-wrap: anywhere;
    }
    .cst-admin-notice:focus {
      outline: none;
    }
    .cst-admin-notice:focus-visible {
      outline: 2px dotted currentColor;
      outline-offset: 4px;
    }
  `,
})
export class AdminNotice {
  readonly notice = input<Notice | null>(null);
  private readonly box = viewChild<ElementRef<HTMLElement>>('box');

  focus(): void {
    this.box()?.nativeElement.focus();
  }
}
