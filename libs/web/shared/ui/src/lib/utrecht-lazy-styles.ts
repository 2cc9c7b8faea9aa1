import { ChangeDetectionStrategy, Component, DOCUMENT, inject } from '@angular/core';

/** Built as its own, not injected, stylesheet (apps/web/project.json: `utrecht-lazy`). */
export const LAZY_STYLESHEET = 'utrecht-lazy.css';

/**
 * Renders nothing; makes sure the Utrecht CSS of tables, selects, textareas, status badges and data
 * lists is loaded. Pages that use those components put `<cst-utrecht-lazy-styles />` in their
 * template, so that CSS is fetched when such a page is first shown instead of with the initial
 * bundle (QUALITY-TARGETS P7). The stylesheet is linked once per document.
 */
@Component({
  selector: 'cst-utrecht-lazy-styles',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
  host: { hidden: '' },
})
export class UtrechtLazyStyles {
  constructor() {
    const document = inject(DOCUMENT);
    if (!document.head.querySelector(`link[data-cst-lazy-styles]`)) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = LAZY_STYLESHEET;
      link.setAttribute('data-cst-lazy-styles', '');
      document.head.appendChild(link);
    }
  }
}
