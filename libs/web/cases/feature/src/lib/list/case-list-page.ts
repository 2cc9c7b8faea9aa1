import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CASE_STATES,
  type CaseListResponse,
  type CaseState,
  type CaseSummaryDto,
  type CaseTableDto,
} from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { Alert, FormField, Textbox, UtrechtLazyStyles, Badge } from '@casustafel/web/shared/ui';
import { catchError, debounceTime, distinctUntilChanged, map, merge, of, switchMap, tap } from 'rxjs';
import { InformingReviews } from '../informing/informing-reviews';
import { InformationRequestsOverview } from '../requests/information-requests-overview';
import {
  PAGE_SIZE,
  filtersFromParams,
  paramsFromFilters,
  sameFilters,
  type CaseListFilters,
} from './case-list-filters';
import { caseStateTone } from '../shared/state-tones';
import { formatDateTime } from '@casustafel/web/shared/i18n';

type Load = { kind: 'loading' } | { kind: 'ready'; response: CaseListResponse } | { kind: 'failed' };

/**
 * Casussen: the cases of the tables the user's organisation takes part in, as the server returns
 * them (names only where the user may see identification). Filters live in the URL, so back,
 * forward, reload and a shared link show the same list; typing in the search field filters after a
 * pause, and submitting the form filters at once.
 */
@Component({
  selector: 'cst-case-list-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    Alert,
    FormField,
    Textbox,
    UtrechtLazyStyles,
    Badge,
    InformationRequestsOverview,
    InformingReviews,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-list-page.html',
  styleUrl: '../shared/cases-page.scss',
  styles: `
    /* Nothing to show there: no empty gap in the page's grid. */
    cst-information-requests-overview:empty,
    cst-informing-reviews:empty {
      display: none;
    }
    .cst-filters {
      display: grid;
      gap: 1rem 1.5rem;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    }
    .cst-filters__search {
      grid-column: 1 / -1;
    }
    .cst-filters .utrecht-form-field {
      margin: 0;
    }
    .cst-results {
      display: grid;
      gap: 1rem;
    }
    .cst-results p {
      margin: 0;
    }
    .cst-table tbody th {
      border-block-end: var(--utrecht-table-row-border-block-end-width, 1px) solid
        var(--utrecht-table-row-border-block-end-color, transparent);
      font-weight: normal;
      white-space: nowrap;
    }
    /* On a phone each case is a block of its own, labelled; the headers stay for screen readers. */
    @media (width < 48em) {
      .cst-table thead {
        clip-path: inset(50%);
        block-size: 1px;
        inline-size: 1px;
        overflow: hidden;
        position: absolute;
      }
      .cst-table,
      .cst-table tbody,
      .cst-table tr,
      .cst-table th,
      .cst-table td {
        display: block;
      }
      .cst-table caption {
        display: block;
      }
      .cst-table tr {
        border: 1px solid var(--utrecht-color-grey-80);
        margin-block-end: 1rem;
        padding: 0.5rem 0.75rem;
      }
      .cst-table tbody th,
      .cst-table td {
        block-size: auto;
        border: 0;
        padding-inline: 0;
      }
      .cst-table tbody th {
        font-size: 1.125rem;
        font-weight: bold;
      }
      .cst-table td {
        padding-block: 0.25rem;
      }
      .cst-table td[data-label]::before {
        content: attr(data-label) / '';
        display: block;
        font-size: 0.875rem;
        font-weight: bold;
      }
      .cst-table td:empty,
      .cst-table td.cst-no-embargo {
        display: none;
      }
    }
    .cst-pager {
      align-items: center;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
    }
  `,
})
export class CaseListPage {
  private readonly api = inject(CasesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Destroyed cases never appear in the list, so they are no filter either. */
  protected readonly states = CASE_STATES.filter((s) => s !== 'VERNIETIGD');
  protected readonly tables = signal<CaseTableDto[]>([]);
  protected readonly filters = signal<CaseListFilters>({ tableId: '', state: '', q: '', page: 1 });
  protected readonly load = signal<Load>({ kind: 'loading' });
  protected readonly cases = computed<CaseSummaryDto[]>(() => {
    const load = this.load();
    return load.kind === 'ready' ? load.response.items : [];
  });
  protected readonly total = computed(() => {
    const load = this.load();
    return load.kind === 'ready' ? load.response.total : 0;
  });
  protected readonly pages = computed(() => Math.max(1, Math.ceil(this.total() / PAGE_SIZE)));
  protected readonly filtered = computed(() => {
    const f = this.filters();
    return Boolean(f.tableId || f.state || f.q);
  });
  protected readonly stateTone = caseStateTone;
  protected readonly dateTime = formatDateTime;

  protected readonly form = inject(NonNullableFormBuilder).group({
    tableId: [''],
    state: [''],
    q: ['', Validators.maxLength(100)],
  });

  /** The filters this page last put in the URL: their arrival must not overwrite what is being typed. */
  private applied: CaseListFilters | null = null;
  /** After paging, focus goes to the results so the new page is read from its start. */
  private focusResults = false;

  constructor() {
    this.api
      .tables()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (tables) => this.tables.set(tables), error: () => this.tables.set([]) });

    this.route.queryParamMap
      .pipe(
        map(filtersFromParams),
        tap((filters) => {
          this.filters.set(filters);
          if (!this.applied || !sameFilters(filters, this.applied)) {
            // Back, forward, reload or a link: the form shows what the URL says.
            this.form.setValue(
              { tableId: filters.tableId, state: filters.state, q: filters.q },
              { emitEvent: false },
            );
          }
          this.applied = null;
          this.load.set({ kind: 'loading' });
        }),
        switchMap((filters) =>
          this.api
            .list({
              tableId: filters.tableId || undefined,
              state: filters.state || undefined,
              q: filters.q || undefined,
              page: filters.page,
              pageSize: PAGE_SIZE,
            })
            .pipe(
              map((response): Load => ({ kind: 'ready', response })),
              catchError(() => of<Load>({ kind: 'failed' })),
            ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((load) => {
        this.load.set(load);
        if (this.focusResults) {
          this.focusResults = false;
          afterNextRender(
            () => this.host.nativeElement.querySelector<HTMLElement>('#case-results')?.focus(),
            {
              injector: this.injector,
            },
          );
        }
      });

    const { tableId, state, q } = this.form.controls;
    merge(
      merge(tableId.valueChanges, state.valueChanges).pipe(map(() => false)),
      q.valueChanges.pipe(
        map((value) => value.trim()),
        debounceTime(400),
        distinctUntilChanged(),
        // Typing replaces the history entry: back goes to the list before the search, not per letter.
        map(() => true),
      ),
    )
      .pipe(takeUntilDestroyed())
      .subscribe((replaceUrl) => this.apply(replaceUrl));
  }

  protected submit(): void {
    if (this.form.invalid) {
      return;
    }
    this.apply(false);
  }

  protected clear(): void {
    this.form.setValue({ tableId: '', state: '', q: '' }, { emitEvent: false });
    this.apply(false);
  }

  /** Query parameters of another page of the current list. */
  protected pageParams(page: number): Record<string, string> {
    return paramsFromFilters({ ...this.filters(), page });
  }

  protected paged(): void {
    this.focusResults = true;
  }

  /** Puts the form's filters in the URL (page 1); the URL change loads the list. */
  private apply(replaceUrl: boolean): void {
    if (this.form.invalid) {
      return;
    }
    const { tableId, state, q } = this.form.getRawValue();
    const next: CaseListFilters = { tableId, state: state as CaseState | '', q: q.trim(), page: 1 };
    if (sameFilters(next, this.filters())) {
      return;
    }
    this.applied = next;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromFilters(next),
      replaceUrl,
    });
  }
}
