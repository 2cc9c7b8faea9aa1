import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ExtractDto } from '@casustafel/shared/contracts';
import { ExtractsApi, extractDocumentUrl } from '@casustafel/web/extracts/data-access';
import { FormField, Textbox, Badge } from '@casustafel/web/shared/ui';
import { Observable, finalize } from 'rxjs';
import { ExtractNotice, type Notice } from '../shared/extract-notice';
import { extractFailure, shownState, stateTone } from '../shared/extract-util';
import { ShaValue } from '../shared/sha-value';
import { ExtractCompose } from './extract-compose';
import { formatDate, formatDateTime } from '@casustafel/web/shared/i18n';

type Pending = { kind: 'refuse' | 'recall'; extractId: string } | null;

/**
 * "Uittreksels" in the case detail, for the managers of the case's table (VOORZITTER,
 * PROCESREGISSEUR): the case's extracts with state, recipient, number, hashes and expiry; compose
 * one ("Uittreksel opstellen"), approve or refuse one that waits for a second person, recall one
 * with a reason, and compose a new version of one ("Nieuwe versie"). Downloads are plain links;
 * what each button may do comes from the server (`can`).
 */
@Component({
  selector: 'cst-case-extracts',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    FormField,
    Textbox,
    Badge,
    ExtractNotice,
    ShaValue,
    ExtractCompose,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/extracts.scss',
  templateUrl: './case-extracts.html',
})
export class CaseExtracts {
  readonly caseId = input.required<string>();
  readonly tableId = input.required<string>();
  /** A closed or destroyed case gets no new extracts (recall stays possible). */
  readonly open = input(true);

  private readonly api = inject(ExtractsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly noticeView = viewChild(ExtractNotice);

  protected readonly formatDate = formatDate;
  protected readonly formatDateTime = formatDateTime;
  protected readonly shownState = shownState;
  protected readonly stateTone = stateTone;
  protected readonly documentUrl = extractDocumentUrl;

  protected readonly extracts = signal<ExtractDto[] | null>(null);
  protected readonly loadState = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly notice = signal<Notice | null>(null);
  protected readonly busy = signal(false);
  /** The compose form: closed, open for a new extract, or open for a new version of one. */
  protected readonly composing = signal<{ base: ExtractDto | null } | null>(null);
  protected readonly pending = signal<Pending>(null);
  protected readonly reasonSubmitted = signal(false);
  protected readonly reasonForm = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(2000)]],
  });

  private readonly numbers = computed(() => new Map((this.extracts() ?? []).map((x) => [x.id, x.number])));

  constructor() {
    effect(() => {
      const caseId = this.caseId();
      untracked(() => this.load(caseId));
    });
  }

  /** The number of a related extract (supersedes / superseded by), or the reference as given. */
  protected numberOf(reference: string): string {
    return this.numbers().get(reference) ?? reference;
  }

  protected startCompose(base: ExtractDto | null): void {
    this.notice.set(null);
    this.pending.set(null);
    this.composing.set({ base });
  }

  protected cancelCompose(): void {
    const base = this.composing()?.base;
    this.composing.set(null);
    this.focus(base ? `extract-${base.id}-supersede` : 'extract-compose-open');
  }

  protected composed(extract: ExtractDto): void {
    this.composing.set(null);
    const issued = extract.state === 'VERSTREKT';
    this.refresh({
      type: 'ok',
      key: issued ? 'extracts.panel.issued' : 'extracts.panel.created',
      params: { number: extract.number, recipient: extract.recipient.name },
    });
  }

  protected approve(extract: ExtractDto): void {
    this.run(this.api.decide(extract.id, { approve: true, version: extract.version }), (x) => ({
      type: 'ok',
      key: 'extracts.panel.approved',
      params: { number: x.number, recipient: x.recipient.name },
    }));
  }

  protected startReason(kind: 'refuse' | 'recall', extract: ExtractDto): void {
    this.notice.set(null);
    this.reasonForm.reset();
    this.reasonSubmitted.set(false);
    this.pending.set({ kind, extractId: extract.id });
    this.focus(`extract-${extract.id}-reason`);
  }

  protected cancelReason(extract: ExtractDto): void {
    const kind = this.pending()?.kind;
    this.pending.set(null);
    this.focus(`extract-${extract.id}-${kind}`);
  }

  protected reasonError(): string | null {
    return this.reasonSubmitted() && this.reasonForm.controls.reason.value.trim() === ''
      ? 'extracts.fieldErrors.reasonRequired'
      : null;
  }

  protected submitReason(extract: ExtractDto): void {
    const pending = this.pending();
    if (!pending || this.busy()) {
      return;
    }
    this.reasonSubmitted.set(true);
    if (this.reasonError()) {
      this.focus(`extract-${extract.id}-reason`);
      return;
    }
    const reason = this.reasonForm.controls.reason.value.trim();
    if (pending.kind === 'refuse') {
      this.run(this.api.decide(extract.id, { approve: false, reason, version: extract.version }), (x) => ({
        type: 'ok',
        key: 'extracts.panel.refused',
        params: { number: x.number },
      }));
    } else {
      this.run(this.api.recall(extract.id, { reason, version: extract.version }), (x) => ({
        type: 'ok',
        key: 'extracts.panel.recalled',
        params: { number: x.number, recipient: x.recipient.name },
      }));
    }
  }

  protected reload(): void {
    this.refresh(null);
  }

  private load(caseId: string): void {
    this.loadState.set('loading');
    this.api
      .list(caseId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (list) => {
          this.extracts.set(list);
          this.loadState.set('ready');
        },
        error: () => this.loadState.set('failed'),
      });
  }

  /** Reloads the list, then shows the outcome (focus on it) or, without one, clears the notice. */
  private refresh(outcome: Notice | null): void {
    this.api
      .list(this.caseId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (list) => {
          this.extracts.set(list);
          this.loadState.set('ready');
          this.show(outcome);
        },
        error: () => this.show(outcome ?? { type: 'error', key: 'extracts.errors.loadFailed' }),
      });
  }

  private run(call: Observable<ExtractDto>, done: (x: ExtractDto) => Notice): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    call
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (extract) => {
          this.pending.set(null);
          this.refresh(done(extract));
        },
        error: (error: unknown) => this.show(extractFailure(error)),
      });
  }

  private show(notice: Notice | null): void {
    this.notice.set(notice);
    if (notice) {
      afterNextRender(() => this.noticeView()?.focus(), { injector: this.injector });
    }
  }

  private focus(id: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[id="${id}"]`)?.focus(), {
      injector: this.injector,
    });
  }
}
