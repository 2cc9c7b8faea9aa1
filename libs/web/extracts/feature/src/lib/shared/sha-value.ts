import { ChangeDetectionStrategy, Component, DOCUMENT, inject, input, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * A SHA-256 as the recipient compares it: monospace, broken anywhere on a narrow screen, selectable
 * as one word, with a "Kopiëren" button whose outcome is read out (polite status).
 */
@Component({
  selector: 'cst-sha-value',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="cst-sha">
      <code class="cst-sha__value" [attr.data-testid]="testId()">{{ value() }}</code>
      <button
        type="button"
        class="utrecht-button utrecht-button--subtle cst-sha__copy"
        [attr.aria-label]="'extracts.copyLabel' | transloco: { document: document() }"
        (click)="copy()"
      >
        {{ 'extracts.copy' | transloco }}
      </button>
      <span class="cst-sha__status" role="status">
        @if (status(); as key) {
          {{ key | transloco: { document: document() } }}
        }
      </span>
    </span>
  `,
  styles: `
    .cst-sha {
      align-items: baseline;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
    }
    .cst-sha__value {
      font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace;
      font-size: 0.875rem;
      overflow-wrap: anywhere;
      user-select: all;
      word-break: break-all;
    }
    .cst-sha__copy {
      min-block-size: auto;
      padding-block: 0;
      padding-inline: 0.25rem;
    }
    .cst-sha__status {
      flex-basis: 100%;
      font-size: 0.875rem;
    }
    /* Nothing to say yet: out of sight, but still a live region (display: none would not announce). */
    .cst-sha__status:empty {
      block-size: 1px;
      clip-path: inset(50%);
      inline-size: 1px;
      overflow: hidden;
      position: absolute;
    }
  `,
})
export class ShaValue {
  readonly value = input.required<string>();
  /** "pdf" or "json", as the button and its outcome name it. */
  readonly document = input.required<string>();
  readonly testId = input<string | null>(null);
  protected readonly status = signal<string | null>(null);
  private readonly doc = inject(DOCUMENT);

  protected copy(): void {
    const clipboard = this.doc.defaultView?.navigator.clipboard;
    if (!clipboard) {
      this.status.set('extracts.copyFailed');
      return;
    }
    clipboard.writeText(this.value()).then(
      () => this.status.set('extracts.copied'),
      () => this.status.set('extracts.copyFailed'),
    );
  }
}
