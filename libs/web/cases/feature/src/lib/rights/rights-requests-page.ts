import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RightsRequestSummaryDto } from '@casustafel/shared/contracts';
import { RightsApi } from '@casustafel/web/cases/data-access';
import { Alert, Badge } from '@casustafel/web/shared/ui';
import { RightsDeadline } from './rights-deadline';
import { isOpenRequest, requestStatusTone } from './rights-util';
import { formatDate } from '@casustafel/web/shared/i18n';

/**
 * "Verzoeken betrokkenen" for the contactpunt (DOMAIN.md scenario 18): every request of the region,
 * open ones first by deadline, with the deadline in words and colour (passed: red and "Verlopen";
 * within a week: "Termijn bijna om") and how many tasks are still open. No names: the person is on
 * the request's own page.
 */
@Component({
  selector: 'cst-rights-requests-page',
  imports: [RouterLink, TranslocoPipe, Alert, Badge, RightsDeadline],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rights-requests-page.html',
  styleUrl: '../shared/cases-page.scss',
  styles: `
    .cst-card--overdue {
      border-inline-start: 4px solid var(--utrecht-color-red-30, #990000);
    }
  `,
})
export class RightsRequestsPage {
  private readonly api = inject(RightsApi);

  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly requests = signal<RightsRequestSummaryDto[]>([]);
  protected readonly tone = requestStatusTone;
  protected readonly isOpen = isOpenRequest;
  protected readonly date = formatDate;

  constructor() {
    this.api
      .requests()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (requests) => {
          this.requests.set(requests);
          this.state.set('ready');
        },
        error: () => this.state.set('failed'),
      });
  }
}
