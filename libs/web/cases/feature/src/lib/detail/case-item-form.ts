import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ALLOWED_ATTACHMENT_TYPES,
  DATA_CATEGORIES,
  LEGAL_GROUNDS,
  SENSITIVITIES,
  type CaseItemDto,
  type DataCategory,
  type InformationRequestDto,
  type LegalGround,
  type Sensitivity,
} from '@casustafel/shared/contracts';
import { problemOf } from '@casustafel/web/auth/data-access';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { FormField, Textbox } from '@casustafel/web/shared/ui';
import { Observable, catchError, finalize, map, of, switchMap } from 'rxjs';
import { CaseDetailStore } from './case-detail-store';
import { feedback, reportFailure } from './detail-feedback';
import { DetailNotice, type Notice } from './detail-notice';
import { fieldErrorKey, fileProblem } from './detail-util';

type FullItem = Extract<CaseItemDto, { visibility: 'FULL' }>;
type Field = 'category' | 'sensitivity' | 'title' | 'body' | 'legalGround' | 'file';
const FIELDS: readonly Field[] = ['category', 'sensitivity', 'title', 'body', 'legalGround', 'file'];

/** Aggregated statistics are not case content: no item of that category. */
export const ITEM_CATEGORIES = DATA_CATEGORIES.filter((c) => c !== 'C14');

/**
 * Adds an item (also as the answer to an information request) or corrects one of the
 * organisation's own items, with an optional attachment checked for type and size before it is
 * sent. A stale version (someone else saved first) keeps the typed text and offers to reload.
 */
@Component({
  selector: 'cst-case-item-form',
  imports: [ReactiveFormsModule, TranslocoPipe, FormField, Textbox, DetailNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './detail.scss',
  template: `
    <div class="cst-panel" [attr.data-testid]="idPrefix() + '-panel'">
      @if (level() === 4) {
        <h4 [id]="idPrefix() + '-heading'" class="cst-h4 cst-panel__heading" tabindex="-1">
          {{ heading() }}
        </h4>
      } @else {
        <h3 [id]="idPrefix() + '-heading'" class="utrecht-heading-3 cst-panel__heading" tabindex="-1">
          {{ heading() }}
        </h3>
      }
      @if (request(); as r) {
        <p class="utrecht-paragraph">
          {{ 'caseDetail.items.answering' | transloco }} <q>{{ r.question }}</q>
        </p>
      }
      <cst-detail-notice [notice]="fb.notice()" (reload)="reload()" />
      <form
        class="utrecht-form cst-form"
        [formGroup]="form"
        (ngSubmit)="submit()"
        novalidate
        [attr.data-testid]="idPrefix() + '-form'"
      >
        <cst-form-field
          [fieldId]="idPrefix() + '-category'"
          [label]="'caseDetail.items.category' | transloco"
          [error]="errorKey('category') ? (errorKey('category')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <select
            cstTextbox
            class="utrecht-select utrecht-select--html-select cst-textbox"
            aria-required="true"
            formControlName="category"
          >
            <option value="">{{ 'caseDetail.items.chooseCategory' | transloco }}</option>
            @for (c of categories; track c) {
              <option [value]="c">{{ 'domain.categories.' + c | transloco }}</option>
            }
          </select>
        </cst-form-field>
        <cst-form-field
          [fieldId]="idPrefix() + '-sensitivity'"
          [label]="'caseDetail.items.sensitivity' | transloco"
          [hint]="'caseDetail.items.sensitivityHint' | transloco"
          [error]="errorKey('sensitivity') ? (errorKey('sensitivity')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <select
            cstTextbox
            class="utrecht-select utrecht-select--html-select cst-textbox"
            aria-required="true"
            formControlName="sensitivity"
          >
            @for (s of sensitivities; track s) {
              <option [value]="s">{{ 'domain.sensitivities.' + s | transloco }}</option>
            }
          </select>
        </cst-form-field>
        <cst-form-field
          [fieldId]="idPrefix() + '-title'"
          [label]="'caseDetail.items.title' | transloco"
          [error]="errorKey('title') ? (errorKey('title')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <input
            cstTextbox
            class="cst-textbox"
            type="text"
            maxlength="300"
            aria-required="true"
            formControlName="title"
          />
        </cst-form-field>
        <cst-form-field
          [fieldId]="idPrefix() + '-body'"
          [label]="'caseDetail.items.body' | transloco"
          [error]="errorKey('body') ? (errorKey('body')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <textarea
            cstTextbox
            class="utrecht-textarea utrecht-textarea--html-textarea cst-textbox"
            rows="8"
            maxlength="50000"
            formControlName="body"
          ></textarea>
        </cst-form-field>
        <cst-form-field
          [fieldId]="idPrefix() + '-legal-ground'"
          [label]="'caseDetail.items.legalGround' | transloco"
          [hint]="'caseDetail.common.optional' | transloco"
          [error]="errorKey('legalGround') ? (errorKey('legalGround')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <select
            cstTextbox
            class="utrecht-select utrecht-select--html-select cst-textbox"
            formControlName="legalGround"
          >
            <option value="">{{ 'caseDetail.items.noLegalGround' | transloco }}</option>
            @for (g of legalGrounds; track g) {
              <option [value]="g">{{ 'domain.legalGrounds.' + g | transloco }}</option>
            }
          </select>
        </cst-form-field>
        <cst-form-field
          [fieldId]="idPrefix() + '-file'"
          [label]="(item() ? 'caseDetail.items.addFile' : 'caseDetail.items.file') | transloco"
          [hint]="'caseDetail.items.fileHint' | transloco"
          [error]="errorKey('file') ? (errorKey('file')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <input
            cstTextbox
            class="cst-textbox cst-file"
            type="file"
            [accept]="accept"
            (change)="pick($event)"
          />
        </cst-form-field>
        <div class="cst-actions">
          <button
            type="submit"
            class="utrecht-button utrecht-button--primary-action"
            [attr.aria-disabled]="busy() ? 'true' : null"
          >
            {{ submitLabel() | transloco }}
          </button>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            (click)="cancelled.emit()"
          >
            {{ 'caseDetail.common.cancel' | transloco }}
          </button>
        </div>
      </form>
    </div>
  `,
  styles: `
    .cst-file {
      padding: 0.5rem;
    }
  `,
})
export class CaseItemForm implements OnInit {
  /** Prefix of the element ids: unique per form on the page. */
  readonly idPrefix = input.required<string>();
  readonly heading = input.required<string>();
  /** The heading level that fits where the form is shown. */
  readonly level = input<3 | 4>(3);
  /** The own item being corrected; absent for a new item. */
  readonly item = input<FullItem | null>(null);
  /** The information request this item answers. */
  readonly request = input<InformationRequestDto | null>(null);
  /** The outcome for the section to show (the form is closed then). */
  readonly saved = output<Notice>();
  readonly cancelled = output<void>();

  private readonly store = inject(CaseDetailStore);
  private readonly api = inject(CasesApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly noticeView = viewChild(DetailNotice);
  protected readonly fb = feedback(this.noticeView);

  protected readonly categories = ITEM_CATEGORIES;
  protected readonly sensitivities = SENSITIVITIES;
  protected readonly legalGrounds = LEGAL_GROUNDS;
  protected readonly accept = ALLOWED_ATTACHMENT_TYPES.join(',');
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly file = signal<File | null>(null);
  protected readonly submitLabel = computed(() =>
    this.item()
      ? 'caseDetail.common.save'
      : this.request()
        ? 'caseDetail.items.answer'
        : 'caseDetail.items.submit',
  );

  protected readonly form = inject(NonNullableFormBuilder).group({
    category: ['' as DataCategory | '', Validators.required],
    sensitivity: ['NORMAAL' as Sensitivity, Validators.required],
    title: ['', [Validators.required, Validators.maxLength(300)]],
    body: ['', Validators.maxLength(50000)],
    legalGround: ['' as LegalGround | ''],
  });

  ngOnInit(): void {
    const item = this.item();
    if (item) {
      this.form.reset({
        category: item.category,
        sensitivity: item.sensitivity,
        title: item.title,
        body: item.body,
        legalGround: item.legalGround ?? '',
      });
    } else if (this.request()) {
      this.form.controls.category.setValue(this.request()?.categories[0] ?? '');
    }
    this.fb.focusId(`${this.idPrefix()}-heading`);
  }

  protected pick(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
    this.serverErrors.update((errors) =>
      Object.fromEntries(Object.entries(errors).filter(([field]) => field !== 'file')),
    );
  }

  protected errorKey(field: Field): string | null {
    const server = this.serverErrors()[field];
    if (server) {
      return server;
    }
    if (field === 'file') {
      return fileProblem(this.file());
    }
    if (!this.submitted()) {
      return null;
    }
    if (field === 'title' && this.form.controls.title.value.trim() === '') {
      return 'caseDetail.fieldErrors.required';
    }
    if (field === 'category' && !this.form.controls.category.value) {
      return 'caseDetail.fieldErrors.choose';
    }
    const control = this.form.controls[field];
    return control.hasError('maxlength') ? 'caseDetail.fieldErrors.maxLength' : null;
  }

  protected submit(): void {
    const d = this.store.detail();
    if (!d || this.busy()) {
      return;
    }
    this.submitted.set(true);
    this.serverErrors.set({});
    this.fb.clear();
    const invalid = FIELDS.find((f) => this.errorKey(f) !== null);
    if (invalid) {
      this.fb.focusId(this.fieldId(invalid));
      return;
    }
    const value = this.form.getRawValue();
    const content = {
      category: value.category as DataCategory,
      sensitivity: value.sensitivity,
      title: value.title.trim(),
      body: value.body,
      legalGround: value.legalGround || null,
    };
    const item = this.item();
    const request = this.request();
    const save$: Observable<string> = item
      ? this.api.updateItem(d.id, item.id, { ...content, version: item.version }).pipe(map((r) => r.id))
      : this.api
          .addItem(d.id, { ...content, informationRequestId: request?.id ?? null })
          .pipe(map((r) => r.id));
    this.busy.set(true);
    save$
      .pipe(
        switchMap((itemId) => this.attach(d.id, itemId)),
        switchMap((attachProblem) =>
          this.store.reload().pipe(
            map(() => attachProblem),
            catchError(() => of(attachProblem)),
          ),
        ),
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (attachProblem) =>
          this.saved.emit(
            attachProblem
              ? { type: 'warning', key: 'caseDetail.items.savedWithoutFile', details: [attachProblem] }
              : {
                  type: 'ok',
                  key: item
                    ? 'caseDetail.items.updated'
                    : request
                      ? 'caseDetail.items.answered'
                      : 'caseDetail.items.added',
                  params: { title: content.title },
                },
          ),
        error: (error: unknown) =>
          reportFailure(error, this.fb, {
            fieldIds: Object.fromEntries(FIELDS.map((f) => [f, this.fieldId(f)])),
            setErrors: (fields) => this.serverErrors.set(fields),
            reload: () => this.reload(),
            fieldOf: (field) =>
              field === 'informationRequestId'
                ? null
                : (FIELDS as readonly string[]).includes(field)
                  ? field
                  : null,
          }),
      });
  }

  protected reload(): void {
    this.store.reload().subscribe({
      next: () => this.fb.clear(),
      error: () => this.fb.show({ type: 'error', key: 'caseDetail.errors.reloadFailed' }),
    });
  }

  /** Uploads the chosen file; the item is saved already, so a refusal is reported, not thrown. */
  private attach(caseId: string, itemId: string): Observable<string | null> {
    const file = this.file();
    if (!file) {
      return of(null);
    }
    return this.api.attach(caseId, itemId, file).pipe(
      map(() => null),
      catchError((error: unknown) => {
        const code = problemOf(error)?.errors?.[0]?.code;
        return of(code ? fieldErrorKey(code) : 'caseDetail.errors.attachFailed');
      }),
    );
  }

  private fieldId(field: Field): string {
    const suffix: Record<Field, string> = {
      category: 'category',
      sensitivity: 'sensitivity',
      title: 'title',
      body: 'body',
      legalGround: 'legal-ground',
      file: 'file',
    };
    return `${this.idPrefix()}-${suffix[field]}`;
  }
}
