import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** Placeholder: replaced by the real page. */
@Component({
  selector: 'cst-case-detail-page',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>{{ 'caseDetail.title' | transloco }}</h1>`,
})
export class CaseDetailPage {}
