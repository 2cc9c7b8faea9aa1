import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** Placeholder: replaced by the real page. */
@Component({
  selector: 'cst-registrations-page',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>{{ 'cases.registrations.title' | transloco }}</h1>`,
})
export class RegistrationsPage {}
