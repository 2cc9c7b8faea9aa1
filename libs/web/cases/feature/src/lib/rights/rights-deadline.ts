import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { TODAY, formatDate } from '../detail/detail-util';
import { deadlineOf } from './rights-util';
import { Badge } from '@casustafel/web/shared/ui';

/**
 * A legal deadline: the date, then in words how it stands ("nog 4 dagen", "termijn verstreken (3
 * dagen)"), in dark red when passed; with `badge`, the "Verlopen" / "Termijn bijna om" badge too.
 * The words carry the meaning; colour only supports them.
 */
@Component({
  selector: 'cst-rights-deadline',
  imports: [TranslocoPipe, Badge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="cst-deadline" [class.cst-deadline--overdue]="deadline().tone === 'danger'">
      {{ date() }}
      @if (deadline().key; as key) {
        <span class="cst-deadline__words">({{ key | transloco: { days: deadline().days } }})</span>
      }
    </span>
    @if (badge() && deadline().badge; as label) {
      <cst-badge [tone]="deadline().tone">{{ label | transloco }}</cst-badge>
    }
  `,
  styles: `
    :host {
      align-items: baseline;
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
    }
    .cst-deadline--overdue {
      color: var(--utrecht-color-red-30, #990000);
      font-weight: bold;
    }
  `,
})
export class RightsDeadline {
  readonly dueAt = input.required<string>();
  readonly open = input(true);
  readonly badge = input(false);
  private readonly today = inject(TODAY);

  protected readonly deadline = computed(() => deadlineOf(this.today(), this.dueAt(), this.open()));
  protected readonly date = computed(() => formatDate(this.dueAt()));
}
