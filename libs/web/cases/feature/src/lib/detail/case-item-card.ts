import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { CATEGORY_SUMMARIES, type CaseItemDto, type DataCategory } from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { CaseBreakGlass } from './case-break-glass';
import { CaseDetailStore } from './case-detail-store';
import { CaseItemForm } from './case-item-form';
import type { Notice } from './detail-notice';
import { defaultReaders, formatDateTime, formatSize } from './detail-util';
import { formatTime } from '@casustafel/web/shared/i18n';

type FullItem = Extract<CaseItemDto, { visibility: 'FULL' }>;

const GRANT_BADGES: Record<FullItem['grantedBy'], string> = {
  OWN: 'cst-badge--ok',
  MATRIX: 'cst-badge--info',
  DISCLOSURE: 'cst-badge--info',
  EMBARGO_WHITELIST: 'cst-badge--danger',
  BREAK_GLASS: 'cst-badge--danger',
};

/**
 * One case item. In full: title, text (line breaks kept, never as HTML), author, date, why this
 * user sees it, sensitivity, legal ground and attachments; for one's own item also who else may
 * read it, and a way to correct it. As a summary: a clearly marked "Beperkt" block with the kind
 * of involvement, the author organisation and the date — and no content at all; for the
 * procesregisseur also "Noodtoegang" (break-the-glass). An item opened that way says until when.
 */
@Component({
  selector: 'cst-case-item-card',
  imports: [TranslocoPipe, CaseItemForm, CaseBreakGlass],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './detail.scss',
  template: `
    @let i = item();
    @if (i.visibility === 'FULL') {
      @if (editing()) {
        <cst-case-item-form
          [idPrefix]="'item-edit-' + i.id"
          [heading]="'caseDetail.items.editHeading' | transloco: { title: i.title }"
          [item]="i"
          [level]="4"
          (saved)="done($event)"
          (cancelled)="stopEditing()"
        />
      } @else {
        <article
          class="cst-card"
          [attr.aria-labelledby]="'item-' + i.id + '-title'"
          [attr.data-testid]="'item-' + i.id"
          [id]="'item-' + i.id"
        >
          <h4 class="cst-h4" [id]="'item-' + i.id + '-title'" tabindex="-1">{{ i.title }}</h4>
          <p class="utrecht-paragraph cst-meta">
            {{
              'caseDetail.items.byline'
                | transloco
                  : {
                      organisation: i.authorOrganisation.name,
                      author: i.author,
                      date: formatDateTime(i.createdAt),
                    }
            }}
          </p>
          <ul class="cst-badges" [attr.aria-label]="'caseDetail.items.labels' | transloco">
            <li>
              @if (i.breakGlass) {
                <span class="cst-badge" [class]="grantBadge()" data-testid="break-glass-badge">{{
                  'breakGlass.badge' | transloco: { time: formatTime(i.breakGlass.expiresAt) }
                }}</span>
              } @else {
                <span class="cst-badge" [class]="grantBadge()">{{
                  'caseDetail.items.grantedBy.' + i.grantedBy | transloco
                }}</span>
              }
            </li>
            @if (i.sensitivity !== 'NORMAAL') {
              <li>
                <span
                  class="cst-badge"
                  [class.cst-badge--warning]="i.sensitivity === 'GEVOELIG'"
                  [class.cst-badge--danger]="i.sensitivity === 'EMBARGO'"
                >
                  {{ 'domain.sensitivities.' + i.sensitivity | transloco }}
                </span>
              </li>
            }
          </ul>
          @if (i.body) {
            <p class="utrecht-paragraph cst-body">{{ i.body }}</p>
          }
          @if (i.legalGround) {
            <p class="utrecht-paragraph cst-meta">
              {{ 'caseDetail.items.legalGroundLabel' | transloco }}
              {{ 'domain.legalGrounds.' + i.legalGround | transloco }}
            </p>
          }
          @if (i.attachments.length > 0) {
            <div>
              <p class="utrecht-paragraph">
                <strong>{{ 'caseDetail.items.attachments' | transloco }}</strong>
              </p>
              <ul class="utrecht-unordered-list">
                @for (a of i.attachments; track a.id) {
                  <li class="utrecht-unordered-list__item">
                    <a class="utrecht-link" [href]="api.attachmentUrl(caseId(), i.id, a.id)" download>
                      {{ a.fileName
                      }}<span class="cdk-visually-hidden">
                        ({{ 'caseDetail.items.download' | transloco }})</span
                      >
                    </a>
                    <span class="cst-meta"> ({{ formatSize(a.size) }})</span>
                  </li>
                }
              </ul>
            </div>
          }
          @if (readers(); as r) {
            <div class="cst-readers" data-testid="item-readers">
              <p class="utrecht-paragraph">
                <strong>{{ 'caseDetail.readers.heading' | transloco }}</strong>
              </p>
              <ul class="utrecht-unordered-list">
                <li class="utrecht-unordered-list__item">
                  @if (r.full.length > 0) {
                    {{ 'caseDetail.readers.fullAnd' | transloco: { names: names(r.full) } }}
                  } @else {
                    {{ 'caseDetail.readers.fullOwn' | transloco }}
                  }
                </li>
                @if (r.summary.length > 0) {
                  <li class="utrecht-unordered-list__item">
                    {{
                      'caseDetail.readers.summary'
                        | transloco
                          : {
                              summary: ('domain.summaries.' + summaryOf(i.category) | transloco),
                              names: names(r.summary),
                            }
                    }}
                  </li>
                }
                @if (r.none.length > 0) {
                  <li class="utrecht-unordered-list__item">
                    {{ 'caseDetail.readers.none' | transloco: { names: names(r.none) } }}
                  </li>
                }
                @if (r.disclosedTo.length > 0) {
                  <li class="utrecht-unordered-list__item">
                    {{ 'caseDetail.readers.disclosed' | transloco: { names: names(r.disclosedTo) } }}
                  </li>
                }
                @if (r.proposedTo.length > 0) {
                  <li class="utrecht-unordered-list__item">
                    {{ 'caseDetail.readers.proposed' | transloco: { names: names(r.proposedTo) } }}
                  </li>
                }
              </ul>
              <p class="utrecht-paragraph cst-meta">
                {{ 'caseDetail.readers.note' + i.sensitivity | transloco }}
              </p>
            </div>
          }
          @if (editable()) {
            <div class="cst-actions">
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                [id]="'item-' + i.id + '-edit'"
                [attr.aria-label]="'caseDetail.items.editLabel' | transloco: { title: i.title }"
                (click)="editing.set(true)"
              >
                {{ 'caseDetail.items.edit' | transloco }}
              </button>
            </div>
          }
        </article>
      }
    } @else {
      <article
        class="cst-card cst-restricted"
        [attr.data-testid]="'item-' + i.id"
        [attr.aria-labelledby]="'item-' + i.id + '-title'"
      >
        <h4 class="cst-h4" [id]="'item-' + i.id + '-title'">
          <span class="cst-badge">{{ 'caseDetail.common.restricted' | transloco }}</span>
          {{ 'domain.summaries.' + i.summary | transloco }}
        </h4>
        <p class="utrecht-paragraph cst-meta">
          {{
            'caseDetail.items.summaryByline'
              | transloco: { organisation: i.authorOrganisation.name, date: formatDateTime(i.createdAt) }
          }}
        </p>
        <p class="utrecht-paragraph">{{ 'caseDetail.items.summaryExplained' | transloco }}</p>
        @if (canBreakGlass()) {
          <cst-case-break-glass [item]="i" (opened)="focusTitle()" />
        }
      </article>
    }
  `,
  styles: `
    .cst-body {
      overflow-wrap: anywhere;
      white-space: pre-wrap;
    }
    .cst-readers {
      border-block-start: 1px solid var(--utrecht-color-grey-90, #e6e6e6);
      padding-block-start: 0.5rem;
    }
  `,
})
export class CaseItemCard {
  readonly item = input.required<CaseItemDto>();
  /** After a correction: the outcome, for the section's notice. */
  readonly saved = output<Notice>();

  protected readonly api = inject(CasesApi);
  private readonly store = inject(CaseDetailStore);
  protected readonly formatDateTime = formatDateTime;
  protected readonly formatSize = formatSize;
  protected readonly formatTime = formatTime;
  protected readonly editing = signal(false);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly caseId = computed(() => this.store.detail()?.id ?? '');
  protected readonly grantBadge = computed(() => {
    const i = this.item();
    return i.visibility === 'FULL' ? `cst-badge ${GRANT_BADGES[i.grantedBy]}` : 'cst-badge';
  });
  /** Only for the organisation's own items: who else may read them. */
  protected readonly readers = computed(() => {
    const i = this.item();
    const d = this.store.detail();
    return i.visibility === 'FULL' && i.grantedBy === 'OWN' && d
      ? defaultReaders(i, d.participants, d.disclosures)
      : null;
  });
  protected readonly editable = computed(() => {
    const i = this.item();
    const d = this.store.detail();
    return (
      i.visibility === 'FULL' &&
      i.grantedBy === 'OWN' &&
      !!d?.can.addItems &&
      d.state !== 'AFGESLOTEN' &&
      d.state !== 'VERNIETIGD'
    );
  });

  /** Break-the-glass: the procesregisseur of an open case (the server decides again). */
  protected readonly canBreakGlass = computed(() => !!this.store.detail()?.can.breakGlass);

  /** After opening: the item is shown in full now; continue from its title. */
  protected focusTitle(): void {
    const id = `item-${this.item().id}-title`;
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[id="${id}"]`)?.focus(), {
      injector: this.injector,
    });
  }

  protected summaryOf(category: DataCategory): string {
    return CATEGORY_SUMMARIES[category];
  }

  protected names(organisations: ReadonlyArray<{ name: string }>): string {
    return organisations.map((o) => o.name).join(', ');
  }

  protected done(notice: Notice): void {
    this.editing.set(false);
    this.saved.emit(notice);
  }

  protected stopEditing(): void {
    this.editing.set(false);
    const id = `item-${this.item().id}-edit`;
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[id="${id}"]`)?.focus(), {
      injector: this.injector,
    });
  }
}
