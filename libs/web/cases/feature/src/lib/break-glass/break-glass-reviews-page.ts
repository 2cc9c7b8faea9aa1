import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { BreakGlassReviewDto } from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { Alert, UtrechtLazyStyles } from '@casustafel/web/shared/ui';
import { BreakGlassReviewForm, type ReviewResult } from './break-glass-review-form';
import { formatDateTime } from '@casustafel/web/shared/i18n';

interface PageNotice {
  type: 'ok' | 'error';
  key: string;
  params?: Record<string, string>;
}

/**
 * "Noodtoegang beoordelen" (ADR 0020): the FG/auditor's queue of break-the-glass openings at their
 * tables — case number, category (never content), who, which organisation, the reason, when —
 * unreviewed first, each with its review form. Guarded by `audit.review`.
 */
@Component({
  selector: 'cst-break-glass-reviews-page',
  imports: [TranslocoPipe, Alert, UtrechtLazyStyles, BreakGlassReviewForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/cases-page.scss',
  template: `
    <cst-utrecht-lazy-styles />
    <div class="cst-page">
      <div>
        <h1 class="utrecht-heading-1">{{ 'breakGlass.reviews.heading' | transloco }}</h1>
        <p class="utrecht-paragraph cst-page__intro">{{ 'breakGlass.reviews.intro' | transloco }}</p>
      </div>
      <div class="cst-notice" tabindex="-1">
        @if (notice(); as n) {
          <cst-alert [type]="n.type" data-testid="review-notice">
            <p class="utrecht-paragraph">{{ n.key | transloco: n.params }}</p>
          </cst-alert>
        }
      </div>
      @switch (state()) {
        @case ('loading') {
          <p class="utrecht-paragraph" role="status">{{ 'breakGlass.reviews.loading' | transloco }}</p>
        }
        @case ('failed') {
          <cst-alert type="error">
            <p class="utrecht-paragraph">{{ 'breakGlass.reviews.loadFailed' | transloco }}</p>
          </cst-alert>
        }
        @default {
          @if (reviews().length === 0) {
            <p class="utrecht-paragraph">{{ 'breakGlass.reviews.empty' | transloco }}</p>
          }
          @for (r of reviews(); track r.id) {
            <section
              class="cst-panel"
              [attr.aria-labelledby]="'review-' + r.id + '-heading'"
              [attr.data-testid]="'review-' + r.id"
            >
              <h2 class="utrecht-heading-2 cst-card__title" [id]="'review-' + r.id + '-heading'">
                {{
                  'breakGlass.reviews.entryHeading'
                    | transloco
                      : { number: r.caseNumber, category: ('domain.categories.' + r.category | transloco) }
                }}
              </h2>
              <dl class="utrecht-data-list">
                <div class="utrecht-data-list__item">
                  <dt class="utrecht-data-list__item-key">{{ 'breakGlass.reviews.table' | transloco }}</dt>
                  <dd class="utrecht-data-list__item-value">{{ r.tableName }}</dd>
                </div>
                <div class="utrecht-data-list__item">
                  <dt class="utrecht-data-list__item-key">{{ 'breakGlass.reviews.openedBy' | transloco }}</dt>
                  <dd class="utrecht-data-list__item-value">{{ r.openedBy }} · {{ r.organisation.name }}</dd>
                </div>
                <div class="utrecht-data-list__item">
                  <dt class="utrecht-data-list__item-key">{{ 'breakGlass.reviews.openedAt' | transloco }}</dt>
                  <dd class="utrecht-data-list__item-value">{{ formatDateTime(r.openedAt) }}</dd>
                </div>
                <div class="utrecht-data-list__item">
                  <dt class="utrecht-data-list__item-key">
                    {{ 'breakGlass.reviews.expiresAt' | transloco }}
                  </dt>
                  <dd class="utrecht-data-list__item-value">{{ formatDateTime(r.expiresAt) }}</dd>
                </div>
                <div class="utrecht-data-list__item">
                  <dt class="utrecht-data-list__item-key">{{ 'breakGlass.reviews.reason' | transloco }}</dt>
                  <dd class="utrecht-data-list__item-value cst-multiline">{{ r.reason }}</dd>
                </div>
                <div class="utrecht-data-list__item">
                  <dt class="utrecht-data-list__item-key">{{ 'breakGlass.reviews.status' | transloco }}</dt>
                  <dd class="utrecht-data-list__item-value" [attr.data-testid]="'review-status-' + r.id">
                    @if (r.review; as v) {
                      {{
                        'breakGlass.reviews.reviewedBy'
                          | transloco
                            : {
                                outcome: ('breakGlass.reviews.outcomes.' + v.outcome | transloco),
                                name: v.reviewedBy,
                                date: formatDateTime(v.reviewedAt),
                              }
                      }}
                      @if (v.note) {
                        <br /><span class="cst-multiline">{{ v.note }}</span>
                      }
                    } @else {
                      <strong>{{ 'breakGlass.reviews.pending' | transloco }}</strong>
                    }
                  </dd>
                </div>
              </dl>
              <cst-break-glass-review-form [review]="r" (done)="done(r, $event)" />
            </section>
          }
        }
      }
    </div>
  `,
  styles: `
    .cst-notice:focus {
      outline: none;
    }
    .cst-notice:empty {
      display: none;
    }
  `,
})
export class BreakGlassReviewsPage implements OnInit {
  private readonly api = inject(CasesApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly formatDateTime = formatDateTime;
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly reviews = signal<BreakGlassReviewDto[]>([]);
  protected readonly notice = signal<PageNotice | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected done(entry: BreakGlassReviewDto, result: ReviewResult): void {
    if (result.kind === 'saved') {
      this.reviews.update((list) => list.map((r) => (r.id === result.review.id ? result.review : r)));
      this.show({ type: 'ok', key: 'breakGlass.reviews.saved', params: { number: entry.caseNumber } });
    } else if (result.kind === 'stale') {
      this.load();
      this.show({ type: 'error', key: 'breakGlass.reviews.stale' });
    } else {
      this.show({ type: 'error', key: 'breakGlass.reviews.failed' });
    }
  }

  private show(notice: PageNotice): void {
    this.notice.set(notice);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('.cst-notice')?.focus(), {
      injector: this.injector,
    });
  }

  private load(): void {
    this.api
      .breakGlassReviews()
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
