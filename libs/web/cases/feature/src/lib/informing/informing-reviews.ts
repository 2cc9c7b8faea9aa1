import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { InformingReviewDto } from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { formatDate } from '@casustafel/web/shared/i18n';

/**
 * The reminder of DOMAIN.md scenario 10, above the case list: the cases the user manages whose
 * deferral of informing the person is due for review (today, or overdue — said in words). Only
 * codes and dates, no case content; each row links to the case. Nothing at all when there is
 * nothing to review; a failure is one quiet line, as the case list is what the page is for.
 */
@Component({
  selector: 'cst-informing-reviews',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './informing-reviews.html',
  styleUrl: './informing-reviews.scss',
})
export class InformingReviews implements OnInit {
  private readonly api = inject(CasesApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly formatDate = formatDate;
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly reviews = signal<InformingReviewDto[]>([]);

  ngOnInit(): void {
    this.api
      .informingReviews()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (reviews) => {
          this.reviews.set(reviews);
          this.state.set('ready');
        },
        error: () => this.state.set('failed'),
      });
  }
}
