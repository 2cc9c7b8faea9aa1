import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** Placeholder: replaced by the real page. */
@Component({
  selector: 'cst-triage-page',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>{{ 'cases.triage.title' | transloco }}</h1>`,
})
export class TriagePage {}
