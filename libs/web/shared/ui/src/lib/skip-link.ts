import { FocusMonitor } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, DOCUMENT, inject, input } from '@angular/core';

/**
 * "Skip to main content" link (WCAG 2.4.1), visible only when focused.
 * A plain `href="#id"` would be resolved against `<base href="/">` and navigate the SPA,
 * so activation moves focus to the target with the CDK FocusMonitor instead.
 */
@Component({
  selector: 'cst-skip-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a
      class="utrecht-skip-link utrecht-skip-link--visible-on-focus"
      [href]="'#' + target()"
      (click)="skip($event)"
    >
      <ng-content />
    </a>
  `,
})
export class SkipLink {
  /** `id` of the element that receives focus, normally `<main>`. */
  readonly target = input.required<string>();

  private readonly document = inject(DOCUMENT);
  private readonly focusMonitor = inject(FocusMonitor);

  protected skip(event: Event): void {
    const target = this.document.getElementById(this.target());
    if (!target) {
      return;
    }
    event.preventDefault();
    if (!target.hasAttribute('tabindex')) {
      target.setAttribute('tabindex', '-1');
    }
    this.focusMonitor.focusVia(target, 'keyboard');
    target.scrollIntoView?.();
  }
}
