import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { MeetingSummaryDto } from '@casustafel/shared/contracts';
import { SessionStore } from '@casustafel/web/auth/data-access';
import { MeetingsApi } from '@casustafel/web/meetings/data-access';
import { Alert, UtrechtLazyStyles, Badge } from '@casustafel/web/shared/ui';
import { isUpcoming, meetingStatusTone } from '../shared/meeting-view';
import { formatDateTime } from '@casustafel/web/shared/i18n';

interface TableGroup {
  tableId: string;
  tableName: string;
  upcoming: MeetingSummaryDto[];
  past: MeetingSummaryDto[];
}

/**
 * The meeting planner's list (issue 6 item 8): per case table the upcoming meetings (soonest first)
 * and the past ones (latest first), with "Nieuw overleg" for planners.
 */
@Component({
  selector: 'cst-meetings-page',
  imports: [FormsModule, RouterLink, TranslocoPipe, Alert, Badge, UtrechtLazyStyles],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meetings-page.html',
  styleUrl: '../shared/meetings-page.scss',
})
export class MeetingsPage {
  private readonly api = inject(MeetingsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly transloco = inject(TranslocoService);
  protected readonly session = inject(SessionStore);
  private readonly language = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  });

  protected readonly dateTime = formatDateTime;
  protected readonly tone = meetingStatusTone;
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly meetings = signal<MeetingSummaryDto[]>([]);
  protected readonly tableFilter = signal('');

  protected readonly tables = computed(() => {
    const seen = new Map<string, string>();
    for (const m of this.meetings()) {
      seen.set(m.tableId, m.tableName);
    }
    return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  });

  protected readonly groups = computed<TableGroup[]>(() => {
    const filter = this.tableFilter();
    const byTable = new Map<string, TableGroup>();
    const now = new Date();
    for (const m of this.meetings()) {
      if (filter && m.tableId !== filter) {
        continue;
      }
      const group = byTable.get(m.tableId) ?? {
        tableId: m.tableId,
        tableName: m.tableName,
        upcoming: [],
        past: [],
      };
      (isUpcoming(m, now) ? group.upcoming : group.past).push(m);
      byTable.set(m.tableId, group);
    }
    const at = (m: MeetingSummaryDto) => new Date(m.scheduledAt).getTime();
    return [...byTable.values()]
      .map((g) => ({
        ...g,
        upcoming: [...g.upcoming].sort((a, b) => at(a) - at(b)),
        past: [...g.past].sort((a, b) => at(b) - at(a)),
      }))
      .sort((a, b) => a.tableName.localeCompare(b.tableName));
  });

  constructor() {
    this.api
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (meetings) => {
          this.meetings.set(meetings);
          this.state.set('ready');
        },
        error: () => this.state.set('failed'),
      });
  }

  protected parts(group: TableGroup): Array<{ key: 'upcoming' | 'past'; list: MeetingSummaryDto[] }> {
    return [
      { key: 'upcoming', list: group.upcoming },
      { key: 'past', list: group.past },
    ];
  }

  protected name(meeting: MeetingSummaryDto): string {
    this.language();
    return `${this.transloco.translate(`meetings.types.${meeting.type}`)} ${formatDateTime(meeting.scheduledAt)}`;
  }
}
