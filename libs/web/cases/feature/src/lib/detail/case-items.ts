import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { CaseDetailStore } from './case-detail-store';
import { CaseItemCard } from './case-item-card';
import { CaseItemForm } from './case-item-form';
import { feedback } from './detail-feedback';
import { DetailNotice, type Notice } from './detail-notice';
import { groupByCategory } from './detail-util';

/**
 * The case items the user may see, grouped by data category (in the order of the categories),
 * and "Item toevoegen" for those who may add information while the case is open.
 */
@Component({
  selector: 'cst-case-items',
  imports: [TranslocoPipe, CaseItemCard, CaseItemForm, DetailNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './detail.scss',
  template: `
    @if (store.detail(); as d) {
      <section class="cst-section" aria-labelledby="items-heading">
        <h2 class="utrecht-heading-2 cst-section__heading" id="items-heading" tabindex="-1">
          {{ 'caseDetail.items.heading' | transloco }}
        </h2>
        <p class="utrecht-paragraph">{{ 'caseDetail.items.intro' | transloco }}</p>
        <cst-detail-notice [notice]="fb.notice()" />
        @if (canAdd()) {
          @if (adding()) {
            <cst-case-item-form
              idPrefix="item-new"
              [heading]="'caseDetail.items.add' | transloco"
              (saved)="added($event)"
              (cancelled)="closeAdd()"
            />
          } @else {
            <div class="cst-actions">
              <button
                type="button"
                id="item-add"
                class="utrecht-button utrecht-button--primary-action"
                (click)="openAdd()"
              >
                {{ 'caseDetail.items.add' | transloco }}
              </button>
            </div>
          }
        }
        @if (groups().length === 0) {
          <p class="utrecht-paragraph">{{ 'caseDetail.items.none' | transloco }}</p>
        }
        @for (group of groups(); track group.category) {
          <section
            class="cst-section"
            [attr.aria-labelledby]="'category-' + group.category"
            [attr.data-category]="group.category"
          >
            <h3 class="utrecht-heading-3" [id]="'category-' + group.category">
              {{ 'domain.categories.' + group.category | transloco }}
              <span class="cst-meta">({{ group.items.length }})</span>
            </h3>
            <ul class="cst-list">
              @for (item of group.items; track item.id) {
                <li><cst-case-item-card [item]="item" (saved)="fb.show($event)" /></li>
              }
            </ul>
          </section>
        }
      </section>
    }
  `,
})
export class CaseItems {
  protected readonly store = inject(CaseDetailStore);
  private readonly noticeView = viewChild(DetailNotice);
  protected readonly fb = feedback(this.noticeView);
  protected readonly adding = signal(false);
  protected readonly groups = computed(() => groupByCategory(this.store.detail()?.items ?? []));
  protected readonly canAdd = computed(() => {
    const d = this.store.detail();
    return !!d?.can.addItems && d.state !== 'AFGESLOTEN' && d.state !== 'VERNIETIGD';
  });

  protected openAdd(): void {
    this.fb.clear();
    this.adding.set(true);
  }

  protected closeAdd(): void {
    this.adding.set(false);
    this.fb.focusId('item-add');
  }

  protected added(notice: Notice): void {
    this.adding.set(false);
    this.fb.show(notice);
  }
}
