import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Alert } from '@casustafel/web/shared/ui';

/** The outcome of an action: confirmation (`ok`, polite) or error (`alert`). Texts are keys. */
export interface Notice {
  type: 'ok' | 'error' | 'warning';
  key: string;
  params?: Record<string, string | number>;
  /** Parameters that are translation keys themselves (a state, a category), translated when shown. */
  paramKeys?: Record<string, string>;
  /** Further messages (translation keys), shown as a list. */
  details?: string[];
  /** For the helpdesk, when the failure is unexpected. */
  correlationId?: string | null;
  /** Offer "Opnieuw laden" (someone else changed the case meanwhile). */
  reload?: boolean;
}

/**
 * Shows a {@link Notice} in a Utrecht alert next to the section it belongs to. It can take focus,
 * so that after an action the result is read out and keyboard users continue from there.
 */
@Component({
  selector: 'cst-detail-notice',
  imports: [Alert, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notice(); as n) {
      <div #box class="cst-detail-notice" tabindex="-1" data-testid="detail-notice">
        <cst-alert [type]="n.type">
          <p class="utrecht-paragraph">{{ n.key | transloco: params() }}</p>
          @if (n.details?.length) {
            <ul class="utrecht-unordered-list">
              @for (detail of n.details; track detail) {
                <li class="utrecht-unordered-list__item">{{ detail | transloco }}</li>
              }
            </ul>
          }
          @if (n.correlationId) {
            <p class="utrecht-paragraph">
              {{ 'caseDetail.errors.reference' | transloco }} <code>{{ n.correlationId }}</code>
            </p>
          }
          @if (n.reload) {
            <div>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                (click)="reload.emit()"
              >
                {{ 'caseDetail.common.reload' | transloco }}
              </button>
            </div>
          }
        </cst-alert>
      </div>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .cst-detail-notice:focus {
      outline: none;
    }
    .cst-detail-notice:focus-visible {
      outline: 2px dotted currentColor;
      outline-offset: 4px;
    }
  `,
})
export class DetailNotice {
  readonly notice = input<Notice | null>(null);
  readonly reload = output<void>();
  private readonly box = viewChild<ElementRef<HTMLElement>>('box');
  private readonly transloco = inject(TranslocoService);
  private readonly lang = toSignal(this.transloco.langChanges$);

  protected readonly params = computed(() => {
    this.lang();
    const n = this.notice();
    const translated = Object.fromEntries(
      Object.entries(n?.paramKeys ?? {}).map(([name, key]) => [name, this.transloco.translate(key)]),
    );
    return { ...(n?.params ?? {}), ...translated };
  });

  focus(): void {
    this.box()?.nativeElement.focus();
  }
}
