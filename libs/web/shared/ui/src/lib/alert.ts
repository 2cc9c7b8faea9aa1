import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

/**
 * NL Design System (Utrecht) alert. Errors and warnings use `role="alert"` so screen readers
 * announce them immediately; info and ok messages use the polite `role="status"`.
 * Content is projected, so callers decide on headings and paragraphs.
 */
@Component({
  selector: 'cst-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="utrecht-alert" [class]="modifier()" [attr.role]="role()">
      <div class="utrecht-alert__icon">
        <span class="utrecht-icon" aria-hidden="true">
          <svg viewBox="0 0 24 24" focusable="false">
            <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2" />
            @switch (type()) {
              @case ('ok') {
                <path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="currentColor" stroke-width="2" />
              }
              @case ('info') {
                <path d="M12 11v6M12 7v1.5" fill="none" stroke="currentColor" stroke-width="2" />
              }
              @default {
                <path d="M12 6.5v7M12 16v1.5" fill="none" stroke="currentColor" stroke-width="2" />
              }
            }
          </svg>
        </span>
      </div>
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message"><ng-content /></div>
      </div>
    </div>
  `,
  styles: `
    /* Space between the projected blocks (heading, paragraphs); the Utrecht token is a row-gap. */
    .utrecht-alert__message {
      display: grid;
      row-gap: var(--utrecht-alert-message-row-gap, var(--utrecht-space-block-xs, 8px));
    }
  `,
})
export class Alert {
  readonly type = input<AlertType>('info');

  protected readonly modifier = computed(() => `utrecht-alert--${this.type()}`);
  protected readonly role = computed(() =>
    this.type() === 'error' || this.type() === 'warning' ? 'alert' : 'status',
  );
}
