import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PersonDto, PersonIndexHit } from '@casustafel/shared/contracts';
import { Alert } from '@casustafel/web/shared/ui';
import { CaseDetailStore } from './case-detail-store';
import { formatDate } from './detail-util';

/**
 * The persons of the case: identification where C1 is visible in full (the BSN only when the
 * server gives it), otherwise the role and "gegevens afgeschermd". For those who manage the case,
 * the person-index hint: known at another table — an informational notice, nothing more.
 */
@Component({
  selector: 'cst-case-persons',
  imports: [TranslocoPipe, Alert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './detail.scss',
  template: `
    @if (store.detail(); as d) {
      <section class="cst-section" aria-labelledby="persons-heading">
        <h2 class="utrecht-heading-2 cst-section__heading" id="persons-heading" tabindex="-1">
          {{ 'caseDetail.persons.heading' | transloco }}
        </h2>
        @if (d.persons.length === 0) {
          <p class="utrecht-paragraph">{{ 'caseDetail.persons.none' | transloco }}</p>
        }
        <ul class="cst-list">
          @for (person of d.persons; track person.id) {
            <li
              class="cst-card"
              [class.cst-restricted]="person.visibility !== 'FULL'"
              [attr.data-testid]="'person-' + person.id"
            >
              @if (person.visibility === 'FULL') {
                <h3 class="cst-h4">{{ fullName(person) }}</h3>
                <dl class="cst-facts">
                  <dt>{{ 'caseDetail.persons.role' | transloco }}</dt>
                  <dd>{{ 'domain.personRoles.' + person.role | transloco }}</dd>
                  <dt>{{ 'caseDetail.persons.dateOfBirth' | transloco }}</dt>
                  <dd>
                    {{
                      person.dateOfBirth
                        ? formatDate(person.dateOfBirth)
                        : ('caseDetail.common.unknown' | transloco)
                    }}
                  </dd>
                  <dt>{{ 'caseDetail.persons.address' | transloco }}</dt>
                  <dd>{{ person.address || ('caseDetail.common.unknown' | transloco) }}</dd>
                  @if (person.bsn) {
                    <dt>{{ 'caseDetail.persons.bsn' | transloco }}</dt>
                    <dd>{{ person.bsn }}</dd>
                  }
                </dl>
              } @else {
                <h3 class="cst-h4">{{ 'domain.personRoles.' + person.role | transloco }}</h3>
                <p class="utrecht-paragraph">
                  <strong>{{ 'caseDetail.common.restricted' | transloco }}</strong>
                  {{ 'caseDetail.persons.shielded' | transloco }}
                </p>
              }
              @for (hit of hitsOf(person.id); track $index) {
                <cst-alert type="info">
                  <p class="utrecht-paragraph" data-testid="known-elsewhere">
                    {{
                      (hit.procesregisseur
                        ? 'caseDetail.persons.knownElsewhere'
                        : 'caseDetail.persons.knownElsewhereNoDirector'
                      )
                        | transloco
                          : {
                              table: hit.tableName,
                              procesregisseur: hit.procesregisseur ?? '',
                              since: formatDate(hit.since),
                            }
                    }}
                  </p>
                </cst-alert>
              }
            </li>
          }
        </ul>
        @if (d.knownElsewhere.length > 0) {
          <p class="utrecht-paragraph cst-meta">{{ 'caseDetail.persons.knownElsewhereNote' | transloco }}</p>
        }
      </section>
    }
  `,
})
export class CasePersons {
  protected readonly store = inject(CaseDetailStore);
  protected readonly formatDate = formatDate;

  private readonly hits = computed(() => {
    const map = new Map<string, PersonIndexHit[]>();
    for (const hit of this.store.detail()?.knownElsewhere ?? []) {
      map.set(hit.personRef, [...(map.get(hit.personRef) ?? []), hit]);
    }
    return map;
  });

  protected hitsOf(personId: string): PersonIndexHit[] {
    return this.hits().get(personId) ?? [];
  }

  protected fullName(person: PersonDto): string {
    return [person.givenName, person.familyName].filter(Boolean).join(' ');
  }
}
