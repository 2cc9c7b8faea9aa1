import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export type BadgeTone = 'neutral' | 'info' | 'positive' | 'attention' | 'danger';

/**
 * A status badge. Dark text on a pale fill with a coloured border: the theme's filled badges put
 * white on light colours (contrast below 4.5:1). The colour only supports the text, never replaces it.
 */
@Component({
  selector: 'cst-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="classes()"><ng-content /></span>`,
  styles: `
    .cst-badge {
      background-color: var(--utrecht-color-grey-95);
      border: 1px solid var(--utrecht-color-grey-40);
      border-radius: 4px;
      color: var(--utrecht-color-black);
      display: inline-block;
      font-size: 0.875rem;
      font-weight: bold;
      line-height: 1.4;
      padding: 0.0625rem 0.5rem;
      white-space: nowrap;
    }
    .cst-badge--info {
      background-color: var(--utrecht-color-blue-90);
      border-color: var(--utrecht-color-blue-35);
    }
    .cst-badge--positive {
      background-color: var(--utrecht-color-green-90);
      border-color: var(--utrecht-color-green-40);
    }
    .cst-badge--attention {
      background-color: var(--utrecht-color-yellow-80);
      border-color: var(--utrecht-color-yellow-40);
    }
    .cst-badge--danger {
      background-color: var(--utrecht-color-red-95);
      border-color: var(--utrecht-color-red-40);
    }
  `,
})
export class Badge {
  readonly tone = input<BadgeTone>('neutral');
  protected readonly classes = computed(() => `cst-badge cst-badge--${this.tone()}`);
}
