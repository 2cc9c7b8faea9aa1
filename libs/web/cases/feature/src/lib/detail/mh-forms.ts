import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Directive,
  OnInit,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  AANGIFTE_OPTIONS,
  COMENSHA_DOSSIER_TYPES,
  EXPLOITATION_FORMS,
  PERMIT_STATUSES,
  SHELTER_TYPES,
  VICTIM_STATUSES,
  type Aangifte,
  type CaseDetailDto,
  type ComenshaDossierType,
  type ExploitationForm,
  type MensenhandelDto,
  type PermitStatus,
  type ShelterType,
  type VictimStatus,
} from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { FormField, Textbox } from '@casustafel/web/shared/ui';
import { Observable, finalize } from 'rxjs';
import { CaseDetailStore } from './case-detail-store';
import { DetailCheckboxes, type CheckboxOption } from './detail-checkboxes';
import { feedback, reportFailure } from './detail-feedback';
import { DetailNotice, type Notice } from './detail-notice';

type Full<T> = Extract<NonNullable<T>, { visibility: 'FULL' }>;
export type ExploitationPart = Full<MensenhandelDto['exploitation']>;
export type B8Part = Full<MensenhandelDto['b8']>;
export type ShelterPart = Full<MensenhandelDto['shelter']>;

/**
 * What the three mensenhandel forms share: the version of the panel (one for all three parts: a
 * stale one is a 409 with "Opnieuw laden"), saving, and reporting the outcome to the panel.
 */
@Directive()
abstract class MhForm implements OnInit {
  readonly saved = output<Notice>();
  readonly cancelled = output<void>();
  protected readonly store = inject(CaseDetailStore);
  protected readonly api = inject(CasesApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly noticeView = viewChild(DetailNotice);
  protected readonly fb = feedback(this.noticeView);
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected abstract readonly fieldIds: Record<string, string>;
  protected abstract readonly headingId: string;

  ngOnInit(): void {
    this.fill();
    this.fb.focusId(this.headingId);
  }

  protected abstract fill(): void;
  /** Translation key of the client-side problem of a field, or null. */
  protected abstract check(field: string): string | null;

  protected errorKey(field: string): string | null {
    return this.serverErrors()[field] ?? (this.submitted() ? this.check(field) : null);
  }

  protected version(): number {
    return this.store.detail()?.mensenhandel?.version ?? 0;
  }

  protected save(call: (caseId: string, version: number) => Observable<CaseDetailDto>, done: string): void {
    const d = this.store.detail();
    if (!d || this.busy()) {
      return;
    }
    this.submitted.set(true);
    this.serverErrors.set({});
    this.fb.clear();
    const invalid = Object.keys(this.fieldIds).find((f) => this.errorKey(f) !== null);
    if (invalid) {
      this.fb.focusId(this.fieldIds[invalid]);
      return;
    }
    this.busy.set(true);
    call(d.id, this.version())
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => {
          this.store.replace(updated);
          this.saved.emit({ type: 'ok', key: done });
        },
        error: (error: unknown) =>
          reportFailure(error, this.fb, {
            fieldIds: this.fieldIds,
            setErrors: (fields) => this.serverErrors.set(fields),
            reload: () => this.reload(),
            // The API names nested fields `comensha.reference`; the form has `comenshaReference`.
            fieldOf: (field) => {
              const key = field.replace(/^comensha\.(\w)/, (_m, c: string) => `comensha${c.toUpperCase()}`);
              return key in this.fieldIds ? key : null;
            },
          }),
      });
  }

  protected reload(): void {
    this.store.reload().subscribe({
      next: () => this.fb.clear(),
      error: () => this.fb.show({ type: 'error', key: 'caseDetail.errors.reloadFailed' }),
    });
  }
}

/** Exploitation forms, victim status and the CoMensha report (part of the case core, C2). */
@Component({
  selector: 'cst-mh-exploitation-form',
  imports: [ReactiveFormsModule, TranslocoPipe, FormField, Textbox, DetailNotice, DetailCheckboxes],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './detail.scss',
  template: `
    <div class="cst-panel">
      <h4 id="mh-exploitation-form-heading" class="cst-h4 cst-panel__heading" tabindex="-1">
        {{ 'caseDetail.mensenhandel.exploitation.formHeading' | transloco }}
      </h4>
      <cst-detail-notice [notice]="fb.notice()" (reload)="reload()" />
      <form
        class="utrecht-form cst-form"
        [formGroup]="form"
        (ngSubmit)="submit()"
        novalidate
        data-testid="mh-exploitation-form"
      >
        <cst-detail-checkboxes
          idPrefix="mh-forms"
          formControlName="forms"
          [legend]="'caseDetail.mensenhandel.exploitation.forms' | transloco"
          [options]="formOptions()"
          [error]="errorKey('forms') ? (errorKey('forms')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        />
        <cst-form-field
          fieldId="mh-victim-status"
          [label]="'caseDetail.mensenhandel.exploitation.victimStatus' | transloco"
          [error]="errorKey('victimStatus') ? (errorKey('victimStatus')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <select
            cstTextbox
            class="utrecht-select utrecht-select--html-select cst-textbox"
            formControlName="victimStatus"
          >
            <option value="">{{ 'caseDetail.common.notSet' | transloco }}</option>
            @for (s of victimStatuses; track s) {
              <option [value]="s">{{ 'domain.victimStatuses.' + s | transloco }}</option>
            }
          </select>
        </cst-form-field>
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <div class="utrecht-form-field__input">
            <input
              class="utrecht-checkbox utrecht-checkbox--html-input"
              type="checkbox"
              id="mh-comensha-reported"
              formControlName="comenshaReported"
            />
          </div>
          <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="mh-comensha-reported">
              {{ 'caseDetail.mensenhandel.exploitation.reported' | transloco }}
            </label>
          </div>
        </div>
        <cst-form-field
          fieldId="mh-comensha-date"
          [label]="'caseDetail.mensenhandel.exploitation.reportedAt' | transloco"
          [error]="errorKey('comenshaReportedAt') ? (errorKey('comenshaReportedAt')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <input cstTextbox class="cst-textbox cst-date" type="date" formControlName="comenshaReportedAt" />
        </cst-form-field>
        <cst-form-field
          fieldId="mh-comensha-reference"
          [label]="'caseDetail.mensenhandel.exploitation.reference' | transloco"
          [error]="errorKey('comenshaReference') ? (errorKey('comenshaReference')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <input
            cstTextbox
            class="cst-textbox"
            type="text"
            maxlength="100"
            formControlName="comenshaReference"
          />
        </cst-form-field>
        <cst-form-field
          fieldId="mh-comensha-dossier"
          [label]="'caseDetail.mensenhandel.exploitation.dossierType' | transloco"
          [error]="errorKey('comenshaDossierType') ? (errorKey('comenshaDossierType')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <select
            cstTextbox
            class="utrecht-select utrecht-select--html-select cst-textbox"
            formControlName="comenshaDossierType"
          >
            <option value="">{{ 'caseDetail.common.notSet' | transloco }}</option>
            @for (t of dossierTypes; track t) {
              <option [value]="t">{{ 'domain.comenshaDossierTypes.' + t | transloco }}</option>
            }
          </select>
        </cst-form-field>
        <div class="cst-actions">
          <button
            type="submit"
            class="utrecht-button utrecht-button--primary-action"
            [attr.aria-disabled]="busy() ? 'true' : null"
          >
            {{ 'caseDetail.common.save' | transloco }}
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
})
export class MhExploitationForm extends MhForm {
  readonly part = input<ExploitationPart | null>(null);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = toSignal(this.transloco.langChanges$);
  protected readonly headingId = 'mh-exploitation-form-heading';
  protected readonly fieldIds = {
    forms: `mh-forms-${EXPLOITATION_FORMS[0]}`,
    victimStatus: 'mh-victim-status',
    comenshaReportedAt: 'mh-comensha-date',
    comenshaReference: 'mh-comensha-reference',
    comenshaDossierType: 'mh-comensha-dossier',
  };
  protected readonly victimStatuses = VICTIM_STATUSES;
  protected readonly dossierTypes = COMENSHA_DOSSIER_TYPES;
  protected readonly formOptions = computed<CheckboxOption[]>(() => {
    this.lang();
    return EXPLOITATION_FORMS.map((f) => ({
      value: f,
      label: this.transloco.translate(`domain.exploitationForms.${f}`),
    }));
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    forms: [[] as string[]],
    victimStatus: ['' as VictimStatus | ''],
    comenshaReported: [false],
    comenshaReportedAt: [''],
    comenshaReference: ['', Validators.maxLength(100)],
    comenshaDossierType: ['' as ComenshaDossierType | ''],
  });

  protected fill(): void {
    const p = this.part();
    if (p) {
      this.form.reset({
        forms: p.forms,
        victimStatus: p.victimStatus ?? '',
        comenshaReported: p.comensha.reported,
        comenshaReportedAt: p.comensha.reportedAt ?? '',
        comenshaReference: p.comensha.reference ?? '',
        comenshaDossierType: p.comensha.dossierType ?? '',
      });
    }
  }

  protected check(field: string): string | null {
    return field === 'comenshaReference' && this.form.controls.comenshaReference.hasError('maxlength')
      ? 'caseDetail.fieldErrors.maxLength'
      : null;
  }

  protected submit(): void {
    const v = this.form.getRawValue();
    this.save(
      (caseId, version) =>
        this.api.putExploitation(caseId, {
          forms: v.forms as ExploitationForm[],
          victimStatus: v.victimStatus || null,
          comensha: {
            reported: v.comenshaReported,
            reportedAt: v.comenshaReportedAt || null,
            reference: v.comenshaReference.trim() || null,
            dossierType: v.comenshaDossierType || null,
          },
          version,
        }),
      'caseDetail.mensenhandel.saved',
    );
  }
}

/** B8 reflection period, aangifte and residence permit (C8). */
@Component({
  selector: 'cst-mh-b8-form',
  imports: [ReactiveFormsModule, TranslocoPipe, FormField, Textbox, DetailNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './detail.scss',
  template: `
    <div class="cst-panel">
      <h4 id="mh-b8-form-heading" class="cst-h4 cst-panel__heading" tabindex="-1">
        {{ 'caseDetail.mensenhandel.b8.formHeading' | transloco }}
      </h4>
      <cst-detail-notice [notice]="fb.notice()" (reload)="reload()" />
      <form
        class="utrecht-form cst-form"
        [formGroup]="form"
        (ngSubmit)="submit()"
        novalidate
        data-testid="mh-b8-form"
      >
        <cst-form-field
          fieldId="mh-b8-offered"
          [label]="'caseDetail.mensenhandel.b8.offeredAt' | transloco"
          [error]="errorKey('offeredAt') ? (errorKey('offeredAt')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <input cstTextbox class="cst-textbox cst-date" type="date" formControlName="offeredAt" />
        </cst-form-field>
        <cst-form-field
          fieldId="mh-b8-accepted"
          [label]="'caseDetail.mensenhandel.b8.acceptedAt' | transloco"
          [hint]="'caseDetail.mensenhandel.b8.acceptedHint' | transloco"
          [error]="errorKey('acceptedAt') ? (errorKey('acceptedAt')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <input cstTextbox class="cst-textbox cst-date" type="date" formControlName="acceptedAt" />
        </cst-form-field>
        <cst-form-field
          fieldId="mh-b8-aangifte"
          [label]="'caseDetail.mensenhandel.b8.aangifte' | transloco"
          [error]="errorKey('aangifte') ? (errorKey('aangifte')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <select
            cstTextbox
            class="utrecht-select utrecht-select--html-select cst-textbox"
            formControlName="aangifte"
          >
            <option value="">{{ 'caseDetail.common.notSet' | transloco }}</option>
            @for (a of aangifteOptions; track a) {
              <option [value]="a">{{ 'domain.aangifte.' + a | transloco }}</option>
            }
          </select>
        </cst-form-field>
        <cst-form-field
          fieldId="mh-b8-permit"
          [label]="'caseDetail.mensenhandel.b8.permitStatus' | transloco"
          [error]="errorKey('permitStatus') ? (errorKey('permitStatus')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <select
            cstTextbox
            class="utrecht-select utrecht-select--html-select cst-textbox"
            formControlName="permitStatus"
          >
            <option value="">{{ 'caseDetail.common.notSet' | transloco }}</option>
            @for (s of permitStatuses; track s) {
              <option [value]="s">{{ 'domain.permitStatuses.' + s | transloco }}</option>
            }
          </select>
        </cst-form-field>
        <div class="cst-actions">
          <button
            type="submit"
            class="utrecht-button utrecht-button--primary-action"
            [attr.aria-disabled]="busy() ? 'true' : null"
          >
            {{ 'caseDetail.common.save' | transloco }}
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
})
export class MhB8Form extends MhForm {
  readonly part = input<B8Part | null>(null);
  protected readonly headingId = 'mh-b8-form-heading';
  protected readonly fieldIds = {
    offeredAt: 'mh-b8-offered',
    acceptedAt: 'mh-b8-accepted',
    aangifte: 'mh-b8-aangifte',
    permitStatus: 'mh-b8-permit',
  };
  protected readonly aangifteOptions = AANGIFTE_OPTIONS;
  protected readonly permitStatuses = PERMIT_STATUSES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    offeredAt: [''],
    acceptedAt: [''],
    aangifte: ['' as Aangifte | ''],
    permitStatus: ['' as PermitStatus | ''],
  });

  protected fill(): void {
    const p = this.part();
    if (p) {
      this.form.reset({
        offeredAt: p.offeredAt ?? '',
        acceptedAt: p.acceptedAt ?? '',
        aangifte: p.aangifte ?? '',
        permitStatus: p.permitStatus ?? '',
      });
    }
  }

  protected check(field: string): string | null {
    const { offeredAt, acceptedAt } = this.form.getRawValue();
    return field === 'acceptedAt' && offeredAt && acceptedAt && acceptedAt < offeredAt
      ? 'caseDetail.fieldErrors.beforeOffered'
      : null;
  }

  protected submit(): void {
    const v = this.form.getRawValue();
    this.save(
      (caseId, version) =>
        this.api.putB8(caseId, {
          offeredAt: v.offeredAt || null,
          acceptedAt: v.acceptedAt || null,
          aangifte: v.aangifte || null,
          permitStatus: v.permitStatus || null,
          version,
        }),
      'caseDetail.mensenhandel.saved',
    );
  }
}

/** Shelter placement (C9). The address is sealed and shown only to the zorgcoördinator and the shelter. */
@Component({
  selector: 'cst-mh-shelter-form',
  imports: [ReactiveFormsModule, TranslocoPipe, FormField, Textbox, DetailNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './detail.scss',
  template: `
    <div class="cst-panel">
      <h4 id="mh-shelter-form-heading" class="cst-h4 cst-panel__heading" tabindex="-1">
        {{ 'caseDetail.mensenhandel.shelter.formHeading' | transloco }}
      </h4>
      <cst-detail-notice [notice]="fb.notice()" (reload)="reload()" />
      <form
        class="utrecht-form cst-form"
        [formGroup]="form"
        (ngSubmit)="submit()"
        novalidate
        data-testid="mh-shelter-form"
      >
        <cst-form-field
          fieldId="mh-shelter-type"
          [label]="'caseDetail.mensenhandel.shelter.type' | transloco"
          [error]="errorKey('type') ? (errorKey('type')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <select
            cstTextbox
            class="utrecht-select utrecht-select--html-select cst-textbox"
            aria-required="true"
            formControlName="type"
          >
            <option value="">{{ 'caseDetail.mensenhandel.shelter.chooseType' | transloco }}</option>
            @for (t of shelterTypes; track t) {
              <option [value]="t">{{ 'domain.shelterTypes.' + t | transloco }}</option>
            }
          </select>
        </cst-form-field>
        <cst-form-field
          fieldId="mh-shelter-placed-at"
          [label]="'caseDetail.mensenhandel.shelter.placedAt' | transloco"
          [error]="errorKey('placedAt') ? (errorKey('placedAt')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <input cstTextbox class="cst-textbox cst-date" type="date" formControlName="placedAt" />
        </cst-form-field>
        <cst-form-field
          fieldId="mh-shelter-via"
          [label]="'caseDetail.mensenhandel.shelter.placedVia' | transloco"
          [error]="errorKey('placedVia') ? (errorKey('placedVia')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <select
            cstTextbox
            class="utrecht-select utrecht-select--html-select cst-textbox"
            formControlName="placedVia"
          >
            <option value="">{{ 'caseDetail.common.notSet' | transloco }}</option>
            <option value="COMENSHA">{{ 'domain.shelterPlacedVia.COMENSHA' | transloco }}</option>
            <option value="ZORGCOORDINATOR">
              {{ 'domain.shelterPlacedVia.ZORGCOORDINATOR' | transloco }}
            </option>
          </select>
        </cst-form-field>
        <cst-form-field
          fieldId="mh-shelter-organisation"
          [label]="'caseDetail.mensenhandel.shelter.organisation' | transloco"
          [hint]="'caseDetail.mensenhandel.shelter.organisationHint' | transloco"
          [error]="
            errorKey('shelterOrganisationId') ? (errorKey('shelterOrganisationId')! | transloco) : null
          "
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <select
            cstTextbox
            class="utrecht-select utrecht-select--html-select cst-textbox"
            formControlName="shelterOrganisationId"
          >
            <option value="">{{ 'caseDetail.common.notSet' | transloco }}</option>
            @for (o of store.organisations() ?? []; track o.id) {
              <option [value]="o.id">{{ o.name }}</option>
            }
          </select>
        </cst-form-field>
        <cst-form-field
          fieldId="mh-shelter-address"
          [label]="'caseDetail.mensenhandel.shelter.address' | transloco"
          [hint]="'caseDetail.mensenhandel.shelter.addressHint' | transloco"
          [error]="errorKey('address') ? (errorKey('address')! | transloco) : null"
          [errorPrefix]="'caseDetail.errorPrefix' | transloco"
        >
          <textarea
            cstTextbox
            class="utrecht-textarea utrecht-textarea--html-textarea cst-textbox"
            rows="3"
            maxlength="500"
            autocomplete="off"
            formControlName="address"
          ></textarea>
        </cst-form-field>
        <div class="cst-actions">
          <button
            type="submit"
            class="utrecht-button utrecht-button--primary-action"
            [attr.aria-disabled]="busy() ? 'true' : null"
          >
            {{ 'caseDetail.common.save' | transloco }}
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
})
export class MhShelterForm extends MhForm {
  readonly part = input<ShelterPart | null>(null);
  protected readonly headingId = 'mh-shelter-form-heading';
  protected readonly fieldIds = {
    type: 'mh-shelter-type',
    placedAt: 'mh-shelter-placed-at',
    placedVia: 'mh-shelter-via',
    shelterOrganisationId: 'mh-shelter-organisation',
    address: 'mh-shelter-address',
  };
  protected readonly shelterTypes = SHELTER_TYPES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    type: ['' as ShelterType | '', Validators.required],
    placedAt: [''],
    placedVia: ['' as 'COMENSHA' | 'ZORGCOORDINATOR' | ''],
    shelterOrganisationId: [''],
    address: ['', Validators.maxLength(500)],
  });

  protected fill(): void {
    this.store.loadOrganisations();
    const p = this.part();
    if (p) {
      this.form.reset({
        type: p.type,
        placedAt: p.placedAt ?? '',
        placedVia: p.placedVia ?? '',
        shelterOrganisationId: p.shelterOrganisation?.id ?? '',
        address: p.address ?? '',
      });
    }
  }

  protected check(field: string): string | null {
    if (field === 'type' && !this.form.controls.type.value) {
      return 'caseDetail.fieldErrors.choose';
    }
    return field === 'address' && this.form.controls.address.hasError('maxlength')
      ? 'caseDetail.fieldErrors.maxLength'
      : null;
  }

  protected submit(): void {
    const v = this.form.getRawValue();
    this.save(
      (caseId, version) =>
        this.api.putShelter(caseId, {
          type: v.type as ShelterType,
          placedAt: v.placedAt || null,
          placedVia: v.placedVia || null,
          shelterOrganisationId: v.shelterOrganisationId || null,
          address: v.address.trim() || null,
          version,
        }),
      'caseDetail.mensenhandel.saved',
    );
  }
}
