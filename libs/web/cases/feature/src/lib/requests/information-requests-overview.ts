import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { InformationRequestOverviewDto } from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';

type Direction = InformationRequestOverviewDto['direction'];

interface Group {
  direction: Direction;
  heading: string;
  requests: InformationRequestOverviewDto[];
}

/**
 * Open requests of one direction, overdue first, then by deadline and case number. Only open ones:
 * an answered or declined request needs nothing from anyone any more.
 */
export function openRequests(
  requests: readonly InformationRequestOverviewDto[],
  direction: Direction,
): InformationRequestOverviewDto[] {
  return requests
    .filter((r) => r.direction === direction && r.state === 'OPEN')
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        a.dueAt.localeCompare(b.dueAt) ||
        a.caseNumber.localeCompare(b.caseNumber),
    );
}

/** `2026-03-05` as `5-3-2026` (a deadline is a calendar date; no time zone may move it). */
export function formatDueDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${Number(match[3])}-${Number(match[2])}-${match[1]}` : value;
}

/**
 * "Mijn bevragingen" (DOMAIN.md scenario 4), above the case list: the open information requests
 * I sent (cases I manage) and those my organisation received, overdue ones first, in red and
 * labelled "Verlopen". Nothing at all when there are none; a failure is one quiet line, since the
 * case list below is what the page is for. Each row links to the case, where the access policy
 * decides what is shown; the overview itself carries no case content.
 */
@Component({
  selector: 'cst-information-requests-overview',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './information-requests-overview.html',
  styleUrl: './information-requests-overview.scss',
})
export class InformationRequestsOverview implements OnInit {
  private readonly api = inject(CasesApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly formatDueDate = formatDueDate;
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  private readonly requests = signal<InformationRequestOverviewDto[]>([]);

  /** The directions that have open requests; empty means the component shows nothing. */
  protected readonly groups = computed<Group[]>(() =>
    (
      [
        { direction: 'SENT', heading: 'requests.sent' },
        { direction: 'RECEIVED', heading: 'requests.received' },
      ] as const
    )
      .map((group) => ({ ...group, requests: openRequests(this.requests(), group.direction) }))
      .filter((group) => group.requests.length > 0),
  );

  ngOnInit(): void {
    this.api
      .informationRequests()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (requests) => {
          this.requests.set(requests);
          this.state.set('ready');
        },
        error: () => this.state.set('failed'),
      });
  }
}
