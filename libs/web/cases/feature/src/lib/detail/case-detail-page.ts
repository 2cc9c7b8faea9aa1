import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore } from '@casustafel/web/auth/data-access';
import { CaseExtracts, mayComposeExtracts } from '@casustafel/web/extracts/feature';
import { Alert, UtrechtLazyStyles } from '@casustafel/web/shared/ui';
import { CaseConsents } from './case-consents';
import { CaseCore } from './case-core';
import { CaseDetailStore } from './case-detail-store';
import { CaseDisclosures } from './case-disclosures';
import { CaseHeader } from './case-header';
import { CaseInforming } from './case-informing';
import { CaseItems } from './case-items';
import { CaseMensenhandel } from './case-mensenhandel';
import { CaseParticipants } from './case-participants';
import { CasePersons } from './case-persons';
import { CaseRequests } from './case-requests';

/**
 * `/casussen/:caseId`: one case as the server's access policy lets this user see it. A case that
 * does not exist and one the user may not see look the same ("niet gevonden of geen toegang").
 */
@Component({
  selector: 'cst-case-detail-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    Alert,
    UtrechtLazyStyles,
    CaseHeader,
    CaseCore,
    CasePersons,
    CaseParticipants,
    CaseMensenhandel,
    CaseItems,
    CaseRequests,
    CaseDisclosures,
    CaseConsents,
    CaseInforming,
    CaseExtracts,
  ],
  providers: [CaseDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-detail-page.html',
  styles: `
    .cst-detail {
      display: grid;
      gap: 2.5rem;
      max-inline-size: 60rem;
      min-inline-size: 0;
    }
    .cst-toc {
      border-block: 1px solid var(--utrecht-color-grey-80, #ccc);
      padding-block: 0.75rem;
    }
    .cst-toc__list {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .cst-toc__link {
      display: inline-block;
      padding-block: 0.375rem;
    }
  `,
})
export class CaseDetailPage {
  /** From the route (`withComponentInputBinding`). */
  readonly caseId = input.required<string>();
  protected readonly store = inject(CaseDetailStore);
  private readonly document = inject(DOCUMENT);
  protected readonly path = this.document.location?.pathname ?? '';
  private readonly session = inject(SessionStore);

  /** The "Uittreksels" section: for the managers of this case's table (issue 7). */
  protected readonly showExtracts = computed(() => {
    const d = this.store.detail();
    return !!d && mayComposeExtracts(this.session.session(), d.table.id);
  });
  protected readonly caseOpen = computed(() => {
    const state = this.store.detail()?.state;
    return state !== 'AFGESLOTEN' && state !== 'VERNIETIGD';
  });

  /** "Op deze pagina": jump links to the sections this case has. */
  protected readonly sections = computed(() => {
    const d = this.store.detail();
    if (!d) {
      return [];
    }
    return [
      { id: 'core-heading', label: 'caseDetail.core.heading' },
      { id: 'persons-heading', label: 'caseDetail.persons.heading' },
      { id: 'participants-heading', label: 'caseDetail.participants.heading' },
      ...(d.mensenhandel ? [{ id: 'mh-heading', label: 'caseDetail.mensenhandel.heading' }] : []),
      { id: 'items-heading', label: 'caseDetail.items.heading' },
      { id: 'requests-heading', label: 'caseDetail.requests.heading' },
      { id: 'disclosures-heading', label: 'caseDetail.disclosures.heading' },
      ...(this.showExtracts() ? [{ id: 'extracts-heading', label: 'extracts.panel.heading' }] : []),
      { id: 'consents-heading', label: 'consents.heading' },
      { id: 'informing-heading', label: 'informing.heading' },
    ];
  });

  constructor() {
    effect(() => {
      const id = this.caseId();
      untracked(() => this.store.load(id));
    });
  }

  /** In-page link: scroll to the section and move focus there (a plain `#` link would leave the route). */
  protected jump(event: Event, id: string): void {
    event.preventDefault();
    const target = this.document.getElementById(id);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }

  protected reload(): void {
    this.store.load(this.caseId());
  }
}
