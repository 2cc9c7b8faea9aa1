import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Alert } from './alert';

/** One problem in the summary, in words: the field it belongs to (its name, and its id to jump to). */
export interface SummaryError {
  /** Id of the element to focus; null for a problem of no particular field. */
  fieldId: string | null;
  /** The field's name, so the summary says which field; empty for a problem of no particular field. */
  label: string;
  message: string;
}

let summaryCount = 0;

/**
 * The error summary above a form (NL Design System / GOV.UK pattern): after a refused submit it
 * takes focus and lists every problem as a link to its field. The links move focus themselves:
 * a plain `#id` would resolve against `<base href>` and leave the page. The heading and the
 * introduction are translation keys of the feature that uses it.
 */
@Component({
  selector: 'cst-error-summary',
  imports: [Alert, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (errors().length > 0) {
      <div
        #box
        class="cst-error-summary"
        tabindex="-1"
        [attr.aria-labelledby]="headingId"
        data-testid="error-summary"
      >
        <cst-alert type="error">
          <div class="utrecht-heading-3" role="heading" [attr.aria-level]="level()" [id]="headingId">
            {{ headingKey() | transloco }}
          </div>
          <p class="utrecht-paragraph">{{ introKey() | transloco }}</p>
          <ul class="utrecht-unordered-list">
            @for (error of errors(); track $index) {
              <li class="utrecht-unordered-list__item">
                @if (error.fieldId) {
                  <a class="utrecht-link" [href]="'#' + error.fieldId" (click)="go($event, error.fieldId)"
                    >{{ error.label ? error.label + ': ' : '' }}{{ error.message }}</a
                  >
                } @else {
                  {{ error.label ? error.label + ': ' : '' }}{{ error.message }}
                }
              </li>
            }
          </ul>
        </cst-alert>
      </div>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .cst-error-summary:focus {
      outline: 2px dotted currentColor;
      outline-offset: 4px;
    }
  `,
})
export class ErrorSummary {
  readonly errors = input<SummaryError[]>([]);
  /** Translation key of the heading ("Er is een probleem"). */
  readonly headingKey = input.required<string>();
  /** Translation key of the line under the heading ("Verbeter het volgende …"). */
  readonly introKey = input.required<string>();
  /** Heading level of "Er is een probleem" in the surrounding page. */
  readonly level = input<2 | 3 | 4>(2);
  /** Unique per instance: a page may show a form's summary next to another one's (e.g. a panel). */
  protected readonly headingId = `cst-error-summary-heading-${++summaryCount}`;
  private readonly box = viewChild<ElementRef<HTMLElement>>('box');
  private readonly document = inject(DOCUMENT);

  focus(): void {
    this.box()?.nativeElement.focus();
  }

  protected go(event: Event, id: string): void {
    event.preventDefault();
    // Focusing scrolls the field into view as well.
    this.document.getElementById(id)?.focus();
  }
}
