import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReceivedExtractDto } from '@casustafel/shared/contracts';
import { SessionStore } from '@casustafel/web/auth/data-access';
import { ExtractsApi, extractDocumentUrl } from '@casustafel/web/extracts/data-access';
import { Alert, UtrechtLazyStyles, Badge } from '@casustafel/web/shared/ui';
import { shownState, stateTone } from '../shared/extract-util';
import { ShaValue } from '../shared/sha-value';
import { formatDate, formatDateTime } from '@casustafel/web/shared/i18n';

/**
 * `/uittreksels`, "Uittreksels voor mijn organisatie": the extracts addressed to the user's
 * organisation (also one that declined the covenant, like the OM), with their state (verstrekt,
 * ingetrokken with the reason, vervangen, verlopen), who issued them, purpose, legal ground, date
 * and SHA-256; download links only while the server allows them. Never a link to the case.
 */
@Component({
  selector: 'cst-received-extracts-page',
  imports: [TranslocoPipe, Alert, UtrechtLazyStyles, Badge, ShaValue],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/extracts.scss',
  templateUrl: './received-extracts-page.html',
})
export class ReceivedExtractsPage {
  private readonly api = inject(ExtractsApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly session = inject(SessionStore);
  protected readonly formatDate = formatDate;
  protected readonly formatDateTime = formatDateTime;
  protected readonly shownState = shownState;
  protected readonly stateTone = stateTone;
  protected readonly documentUrl = extractDocumentUrl;

  protected readonly extracts = signal<ReceivedExtractDto[] | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');

  constructor() {
    this.load();
  }

  protected load(): void {
    this.state.set('loading');
    this.api
      .received()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (list) => {
          this.extracts.set([...list].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt)));
          this.state.set('ready');
        },
        error: () => this.state.set('failed'),
      });
  }

  /** Why a row cannot be used any more, as a sentence (translation key), or null. */
  protected why(x: ReceivedExtractDto): string | null {
    switch (shownState(x)) {
      case 'INGETROKKEN':
        return 'extracts.received.recalledText';
      case 'VERVANGEN':
        return 'extracts.received.supersededText';
      case 'EXPIRED':
        return 'extracts.received.expiredText';
      default:
        return null;
    }
  }
}
