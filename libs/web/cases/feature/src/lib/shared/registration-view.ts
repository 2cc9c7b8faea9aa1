import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  EXPLOITATION_FORMS,
  type ExploitationForm,
  type RegistrationDto,
  type SignalDefinition,
} from '@casustafel/shared/contracts';
import { formatDate, formatDateTime } from '@casustafel/web/shared/i18n';

/** The four criteria of the Landelijk kader, in the order of the kader. */
export const CRITERIA = ['multipleDomains', 'crossChain', 'systemAffected', 'localSafetyProblem'] as const;
export type Criterion = (typeof CRITERIA)[number];

export interface SignalGroup<T> {
  form: ExploitationForm;
  items: T[];
}

/** Items grouped per exploitation form, in the order of the forms; empty groups left out. */
export function groupByForm<T>(items: readonly T[], formOf: (item: T) => ExploitationForm): SignalGroup<T>[] {
  return EXPLOITATION_FORMS.map((form) => ({ form, items: items.filter((i) => formOf(i) === form) })).filter(
    (g) => g.items.length > 0,
  );
}

/**
 * A registration as read-only content: for the registrant once it is submitted, and for triage.
 * Signal labels come from the table's signal list (the registration only holds their ids).
 */
@Component({
  selector: 'cst-registration-view',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = registration();
    <div class="cst-view">
      <dl class="cst-meta">
        <dt>{{ 'cases.view.table' | transloco }}</dt>
        <dd>{{ r.tableName }}</dd>
        <dt>{{ 'cases.view.organisation' | transloco }}</dt>
        <dd>{{ r.registeringOrganisation.name }}</dd>
        <dt>{{ 'cases.view.registeredBy' | transloco }}</dt>
        <dd>{{ r.registeredBy }}</dd>
        @if (r.submittedAt) {
          <dt>{{ 'cases.view.submittedAt' | transloco }}</dt>
          <dd>{{ dateTime(r.submittedAt) }}</dd>
        }
      </dl>

      <section class="cst-view__section" [attr.aria-labelledby]="idPrefix() + '-persons'">
        <div
          class="utrecht-heading-3"
          role="heading"
          [attr.aria-level]="level()"
          [id]="idPrefix() + '-persons'"
        >
          {{ 'cases.view.persons' | transloco }}
        </div>
        @if (r.persons.length === 0) {
          <p class="utrecht-paragraph">{{ 'cases.view.noPersons' | transloco }}</p>
        } @else {
          <ul class="cst-cards" data-testid="registration-persons">
            @for (person of r.persons; track person.id) {
              <li class="cst-card">
                <p class="utrecht-paragraph cst-view__person">
                  <strong>{{ person.givenName }} {{ person.familyName }}</strong>
                  <span>{{ 'domain.personRoles.' + person.role | transloco }}</span>
                </p>
                <dl class="cst-meta">
                  <dt>{{ 'cases.view.dateOfBirth' | transloco }}</dt>
                  <dd>
                    {{ person.dateOfBirth ? date(person.dateOfBirth) : ('cases.view.unknown' | transloco) }}
                  </dd>
                  <dt>{{ 'cases.view.bsn' | transloco }}</dt>
                  <dd>{{ person.bsn || ('cases.view.unknown' | transloco) }}</dd>
                  <dt>{{ 'cases.view.address' | transloco }}</dt>
                  <dd>{{ person.address || ('cases.view.unknown' | transloco) }}</dd>
                </dl>
              </li>
            }
          </ul>
        }
      </section>

      <section class="cst-view__section" [attr.aria-labelledby]="idPrefix() + '-case'">
        <div class="utrecht-heading-3" role="heading" [attr.aria-level]="level()" [id]="idPrefix() + '-case'">
          {{ 'cases.form.caseSection' | transloco }}
        </div>
        <dl class="cst-meta">
          <dt>{{ 'cases.view.reason' | transloco }}</dt>
          <dd class="cst-multiline">{{ r.reason }}</dd>
          <dt>{{ 'cases.view.goal' | transloco }}</dt>
          <dd class="cst-multiline">{{ r.goal || ('cases.view.unknown' | transloco) }}</dd>
          <dt>{{ 'cases.view.discussed' | transloco }}</dt>
          <dd>{{ (r.discussedWithPerson ? 'cases.common.yes' : 'cases.common.no') | transloco }}</dd>
          @if (!r.discussedWithPerson && r.notDiscussedReason) {
            <dt>{{ 'cases.view.notDiscussedReason' | transloco }}</dt>
            <dd class="cst-multiline">{{ r.notDiscussedReason }}</dd>
          }
        </dl>
      </section>

      <section class="cst-view__section" [attr.aria-labelledby]="idPrefix() + '-criteria'">
        <div
          class="utrecht-heading-3"
          role="heading"
          [attr.aria-level]="level()"
          [id]="idPrefix() + '-criteria'"
        >
          {{ 'cases.view.criteria' | transloco }}
        </div>
        <ul class="cst-plain-list cst-view__criteria" data-testid="registration-criteria">
          @for (criterion of criteria; track criterion) {
            <li>
              <span class="cst-view__answer" [class.cst-view__answer--yes]="r.criteria[criterion]">{{
                (r.criteria[criterion] ? 'cases.view.criterionMet' : 'cases.view.criterionNotMet') | transloco
              }}</span>
              <span class="cdk-visually-hidden">: </span>
              <span>{{ 'cases.criteria.' + criterion | transloco }}</span>
            </li>
          }
        </ul>
        @if (r.criteria.motivation) {
          <dl class="cst-meta">
            <dt>{{ 'cases.view.motivation' | transloco }}</dt>
            <dd class="cst-multiline">{{ r.criteria.motivation }}</dd>
          </dl>
        }
      </section>

      @if (signals().length > 0 || r.signals.length > 0) {
        <section
          class="cst-view__section"
          [attr.aria-labelledby]="idPrefix() + '-signals'"
          data-testid="registration-signals"
        >
          <div
            class="utrecht-heading-3"
            role="heading"
            [attr.aria-level]="level()"
            [id]="idPrefix() + '-signals'"
          >
            {{ 'cases.view.signals' | transloco }}
          </div>
          @if (ticked().length === 0) {
            <p class="utrecht-paragraph">{{ 'cases.view.noSignals' | transloco }}</p>
          } @else {
            @for (group of ticked(); track $index) {
              <div class="cst-view__group">
                @if (group.form) {
                  <p class="utrecht-paragraph">
                    <strong>{{ 'domain.exploitationForms.' + group.form | transloco }}</strong>
                  </p>
                }
                <ul class="utrecht-unordered-list">
                  @for (signal of group.items; track signal.id) {
                    <li class="utrecht-unordered-list__item">
                      {{ signal.label }}
                      @if (signal.note) {
                        <span class="cst-note cst-multiline"
                          >{{ 'cases.view.signalNote' | transloco }}: {{ signal.note }}</span
                        >
                      }
                    </li>
                  }
                </ul>
              </div>
            }
          }
        </section>
      }

      <section class="cst-view__section" [attr.aria-labelledby]="idPrefix() + '-participants'">
        <div
          class="utrecht-heading-3"
          role="heading"
          [attr.aria-level]="level()"
          [id]="idPrefix() + '-participants'"
        >
          {{ 'cases.view.participants' | transloco }}
        </div>
        @if (r.proposedParticipants.length === 0) {
          <p class="utrecht-paragraph">{{ 'cases.view.noParticipants' | transloco }}</p>
        } @else {
          <ul class="utrecht-unordered-list">
            @for (participant of r.proposedParticipants; track participant.organisationId) {
              <li class="utrecht-unordered-list__item">{{ participant.organisationName }}</li>
            }
          </ul>
        }
      </section>
    </div>
  `,
  styleUrl: './cases-page.scss',
  styles: `
    .cst-view,
    .cst-view__section {
      display: grid;
      gap: 1rem;
    }
    .cst-view {
      gap: 2rem;
    }
    .cst-view p,
    .cst-view ul {
      margin: 0;
    }
    .cst-view__person {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .cst-view__criteria li {
      display: flex;
      gap: 0.75rem;
    }
    .cst-view__answer {
      align-self: flex-start;
      border: 1px solid var(--utrecht-color-grey-40);
      flex: none;
      font-weight: bold;
      inline-size: 2.5rem;
      text-align: center;
    }
    .cst-view__answer--yes {
      background-color: var(--utrecht-color-green-90);
      border-color: var(--utrecht-color-green-40);
    }
    .cst-view__group {
      display: grid;
      gap: 0.25rem;
    }
    .cst-view__group .cst-note {
      display: block;
    }
  `,
})
export class RegistrationView {
  readonly registration = input.required<RegistrationDto>();
  /** The table's signal list, for the labels of the ticked signals. */
  readonly signals = input<readonly SignalDefinition[]>([]);
  /** Heading level of the sections in the surrounding page. */
  readonly level = input<2 | 3 | 4>(2);
  readonly idPrefix = input('registration');

  protected readonly criteria = CRITERIA;
  protected readonly date = formatDate;
  protected readonly dateTime = formatDateTime;

  /** The ticked signals with their labels, per exploitation form (unknown ones, without labels, last). */
  protected readonly ticked = computed(() => {
    const definitions = new Map(this.signals().map((s) => [s.id, s]));
    const answers = this.registration().signals;
    const known = answers.flatMap((answer) => {
      const definition = definitions.get(answer.signalId);
      return definition ? [{ ...definition, note: answer.note ?? '' }] : [];
    });
    const unknown = answers
      .filter((answer) => !definitions.has(answer.signalId))
      .map((answer) => ({ id: answer.signalId, label: answer.signalId, note: answer.note ?? '' }));
    const groups: Array<{
      form: ExploitationForm | null;
      items: Array<{ id: string; label: string; note: string }>;
    }> = groupByForm(known, (s) => s.form);
    return unknown.length > 0 ? [...groups, { form: null, items: unknown }] : groups;
  });
}
