import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CaseState, CaseTransition } from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { FormField, Textbox } from '@casustafel/web/shared/ui';
import { finalize } from 'rxjs';
import { CaseDetailStore } from './case-detail-store';
import { feedback, reportFailure } from './detail-feedback';
import { DetailNotice } from './detail-notice';
import { formatDate } from './detail-util';

/** Transitions that need a reason (for PLAN_VASTSTELLEN: the chair's decision); the server checks too. */
export const REASON_REQUIRED: readonly CaseTransition[] = [
  'PLAN_VASTSTELLEN',
  'OPSCHALEN',
  'AFSCHALEN',
  'AFSLUITEN',
  'HEROPENEN',
];

type Field = 'reason' | 'handoverTo' | 'handoverData';
const FIELD_IDS: Record<Field, string> = {
  reason: 'transition-reason',
  handoverTo: 'transition-handover-to',
  handoverData: 'transition-handover-data',
};

const STATE_BADGES: Partial<Record<CaseState, string>> = {
  IN_UITVOERING: 'cst-badge--ok',
  MONITORING: 'cst-badge--ok',
  OPGESCHAALD: 'cst-badge--danger',
  AFGESCHAALD: 'cst-badge--info',
  AFGESLOTEN: 'cst-badge',
  GEAGENDEERD: 'cst-badge--info',
  INFORMATIEVERZAMELING: 'cst-badge--warning',
};

/**
 * The case's heading: number, table, state, the responsible organisation and the two directors,
 * embargo and retention; and the state transitions this user may start, each asking why.
 */
@Component({
  selector: 'cst-case-header',
  imports: [ReactiveFormsModule, TranslocoPipe, FormField, Textbox, DetailNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './detail.scss',
  template: `
    @if (store.detail(); as d) {
      <header class="cst-section" aria-labelledby="case-heading">
        <div>
          <p class="utrecht-paragraph cst-meta">{{ d.table.name }}</p>
          <h1 class="utrecht-heading-1" id="case-heading">
            {{ 'caseDetail.header.heading' | transloco: { number: d.number } }}
          </h1>
        </div>
        <ul class="cst-badges" [attr.aria-label]="'caseDetail.header.badges' | transloco">
          <li>
            <span class="cst-badge" [class]="stateBadge()" data-testid="case-state">
              <span class="cdk-visually-hidden">{{ 'caseDetail.header.state' | transloco }}: </span
              >{{ 'domain.caseStates.' + d.state | transloco }}
            </span>
          </li>
          @if (d.embargo) {
            <li>
              <span class="cst-badge cst-badge--danger">{{ 'caseDetail.header.embargo' | transloco }}</span>
            </li>
          }
        </ul>
        <dl class="cst-facts">
          <dt>{{ 'caseDetail.header.table' | transloco }}</dt>
          <dd>{{ d.table.name }}</dd>
          <dt>{{ 'caseDetail.header.responsible' | transloco }}</dt>
          <dd>{{ d.responsibleOrganisation.name }}</dd>
          <dt>{{ 'caseDetail.header.procesregisseur' | transloco }}</dt>
          <dd>{{ d.procesregisseur ?? ('caseDetail.common.notSet' | transloco) }}</dd>
          <dt>{{ 'caseDetail.header.casusregisseur' | transloco }}</dt>
          <dd>{{ d.casusregisseur?.name ?? ('caseDetail.common.notSet' | transloco) }}</dd>
          <dt>{{ 'caseDetail.header.openedAt' | transloco }}</dt>
          <dd>{{ formatDate(d.openedAt) }}</dd>
          @if (d.closedAt) {
            <dt>{{ 'caseDetail.header.closedAt' | transloco }}</dt>
            <dd>{{ formatDate(d.closedAt) }}</dd>
          }
          @if (d.retentionUntil) {
            <dt>{{ 'caseDetail.header.retentionUntil' | transloco }}</dt>
            <dd>{{ formatDate(d.retentionUntil) }}</dd>
          }
        </dl>
        @if (d.embargo) {
          <p class="utrecht-paragraph">{{ 'caseDetail.header.embargoExplained' | transloco }}</p>
        }

        <cst-detail-notice [notice]="fb.notice()" (reload)="reload()" />

        @if (d.transitions.length > 0) {
          <div class="cst-section">
            <h2 class="utrecht-heading-2" id="transitions-heading">
              {{ 'caseDetail.transitions.heading' | transloco }}
            </h2>
            <div class="cst-actions" role="group" aria-labelledby="transitions-heading">
              @for (t of d.transitions; track t) {
                <button
                  type="button"
                  class="utrecht-button utrecht-button--secondary-action"
                  [id]="'transition-' + t"
                  [attr.aria-expanded]="open() === t"
                  [attr.aria-controls]="open() === t ? 'transition-panel' : null"
                  (click)="start(t)"
                >
                  {{ 'domain.transitions.' + t | transloco }}
                </button>
              }
            </div>
            @if (open(); as t) {
              <div id="transition-panel" class="cst-panel">
                <h3 id="transition-form-heading" class="utrecht-heading-3 cst-panel__heading" tabindex="-1">
                  {{
                    'caseDetail.transitions.formHeading'
                      | transloco: { transition: ('domain.transitions.' + t | transloco) }
                  }}
                </h3>
                <p class="utrecht-paragraph">
                  {{ 'caseDetail.transitions.explain.' + t | transloco }}
                </p>
                <form
                  class="utrecht-form cst-form"
                  [formGroup]="form"
                  (ngSubmit)="submit(t)"
                  novalidate
                  data-testid="transition-form"
                >
                  <cst-form-field
                    fieldId="transition-reason"
                    [label]="
                      (t === 'PLAN_VASTSTELLEN'
                        ? 'caseDetail.transitions.decision'
                        : 'caseDetail.transitions.reason'
                      ) | transloco
                    "
                    [hint]="
                      (reasonRequired(t) ? 'caseDetail.common.required' : 'caseDetail.common.optional')
                        | transloco
                    "
                    [error]="errorKey('reason') ? (errorKey('reason')! | transloco) : null"
                    [errorPrefix]="'caseDetail.errorPrefix' | transloco"
                  >
                    <textarea
                      cstTextbox
                      class="utrecht-textarea utrecht-textarea--html-textarea cst-textbox"
                      rows="4"
                      maxlength="5000"
                      [attr.aria-required]="reasonRequired(t) ? 'true' : null"
                      formControlName="reason"
                    ></textarea>
                  </cst-form-field>
                  @if (t === 'AFSCHALEN') {
                    <cst-form-field
                      fieldId="transition-handover-to"
                      [label]="'caseDetail.transitions.handoverTo' | transloco"
                      [hint]="'caseDetail.transitions.handoverToHint' | transloco"
                      [error]="errorKey('handoverTo') ? (errorKey('handoverTo')! | transloco) : null"
                      [errorPrefix]="'caseDetail.errorPrefix' | transloco"
                    >
                      <input
                        cstTextbox
                        class="cst-textbox"
                        type="text"
                        maxlength="500"
                        aria-required="true"
                        formControlName="handoverTo"
                      />
                    </cst-form-field>
                    <cst-form-field
                      fieldId="transition-handover-data"
                      [label]="'caseDetail.transitions.handoverData' | transloco"
                      [hint]="'caseDetail.transitions.handoverDataHint' | transloco"
                      [error]="errorKey('handoverData') ? (errorKey('handoverData')! | transloco) : null"
                      [errorPrefix]="'caseDetail.errorPrefix' | transloco"
                    >
                      <textarea
                        cstTextbox
                        class="utrecht-textarea utrecht-textarea--html-textarea cst-textbox"
                        rows="3"
                        maxlength="5000"
                        aria-required="true"
                        formControlName="handoverData"
                      ></textarea>
                    </cst-form-field>
                  }
                  <div class="cst-actions">
                    <button
                      type="submit"
                      class="utrecht-button utrecht-button--primary-action"
                      [attr.aria-disabled]="busy() ? 'true' : null"
                    >
                      {{ 'domain.transitions.' + t | transloco }}
                    </button>
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--secondary-action"
                      (click)="cancel()"
                    >
                      {{ 'caseDetail.common.cancel' | transloco }}
                    </button>
                  </div>
                </form>
              </div>
            }
          </div>
        }
      </header>
    }
  `,
})
export class CaseHeader {
  protected readonly store = inject(CaseDetailStore);
  private readonly api = inject(CasesApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly noticeView = viewChild(DetailNotice);
  protected readonly fb = feedback(this.noticeView);

  protected readonly formatDate = formatDate;
  protected readonly open = signal<CaseTransition | null>(null);
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly stateBadge = computed(() => {
    const state = this.store.detail()?.state;
    return `cst-badge ${(state && STATE_BADGES[state]) || ''}`.trim();
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', Validators.maxLength(5000)],
    handoverTo: ['', Validators.maxLength(500)],
    handoverData: ['', Validators.maxLength(5000)],
  });

  protected reasonRequired(t: CaseTransition): boolean {
    return REASON_REQUIRED.includes(t);
  }

  protected start(t: CaseTransition): void {
    this.fb.clear();
    this.form.reset();
    this.submitted.set(false);
    this.serverErrors.set({});
    this.open.set(t);
    this.fb.focusId('transition-form-heading');
  }

  protected cancel(): void {
    const t = this.open();
    this.open.set(null);
    if (t) {
      this.fb.focusId(`transition-${t}`);
    }
  }

  protected errorKey(field: Field): string | null {
    const server = this.serverErrors()[field];
    if (server) {
      return server;
    }
    if (!this.submitted()) {
      return null;
    }
    return this.missing(field) ? 'caseDetail.fieldErrors.required' : null;
  }

  protected submit(t: CaseTransition): void {
    const detail = this.store.detail();
    if (!detail || this.busy()) {
      return;
    }
    this.submitted.set(true);
    this.serverErrors.set({});
    this.fb.clear();
    const invalid = (Object.keys(FIELD_IDS) as Field[]).find((f) => this.errorKey(f) !== null);
    if (invalid) {
      this.fb.focusId(FIELD_IDS[invalid]);
      return;
    }
    const { reason, handoverTo, handoverData } = this.form.getRawValue();
    this.busy.set(true);
    this.api
      .transition(detail.id, {
        transition: t,
        reason: reason.trim(),
        ...(t === 'AFSCHALEN' ? { handoverTo: handoverTo.trim(), handoverData: handoverData.trim() } : {}),
        version: detail.version,
      })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => {
          this.open.set(null);
          this.store.replace(updated);
          this.fb.show({
            type: 'ok',
            key: 'caseDetail.transitions.done',
            paramKeys: { state: `domain.caseStates.${updated.state}` },
          });
        },
        error: (error: unknown) =>
          reportFailure(error, this.fb, {
            fieldIds: FIELD_IDS,
            setErrors: (fields) => this.serverErrors.set(fields),
            reload: () => this.reload(),
          }),
      });
  }

  protected reload(): void {
    this.store.reload().subscribe({
      next: (detail) => {
        this.fb.clear();
        const t = this.open();
        if (t && !detail.transitions.includes(t)) {
          this.open.set(null);
        }
      },
      error: () => this.fb.show({ type: 'error', key: 'caseDetail.errors.reloadFailed' }),
    });
  }

  private missing(field: Field): boolean {
    const t = this.open();
    const value = this.form.controls[field].value.trim();
    if (field === 'reason') {
      return t !== null && this.reasonRequired(t) && value === '';
    }
    return t === 'AFSCHALEN' && value === '';
  }
}
