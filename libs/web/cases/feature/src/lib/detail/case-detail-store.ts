import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type {
  CaseConsentsDto,
  CaseDetailDto,
  CaseInformingDto,
  TableOrganisation,
} from '@casustafel/shared/contracts';
import { SessionStore, statusOf } from '@casustafel/web/auth/data-access';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { Observable, tap } from 'rxjs';

export type LoadState = 'loading' | 'ready' | 'notFound' | 'failed';

/**
 * The case on screen, shared by the page's sections (one per page, provided by CaseDetailPage).
 * Sections change the case through CasesApi and then `replace` it with the server's answer or
 * `reload` it: what is shown is always what the server's access policy returned last.
 */
@Injectable()
export class CaseDetailStore {
  private readonly api = inject(CasesApi);
  private readonly session = inject(SessionStore);
  private readonly destroyRef = inject(DestroyRef);

  readonly detail = signal<CaseDetailDto | null>(null);
  readonly state = signal<LoadState>('loading');
  /** The table's organisations (choices in forms), fetched once when a form first needs them. */
  readonly organisations = signal<TableOrganisation[] | null>(null);
  readonly organisationsFailed = signal(false);
  readonly myOrganisation = computed(() => this.session.organisation());
  /** The consent register and the informing status, fetched with the case (their own endpoints). */
  readonly consents = signal<CaseConsentsDto | null>(null);
  readonly consentsFailed = signal(false);
  readonly informing = signal<CaseInformingDto | null>(null);
  readonly informingFailed = signal(false);

  private caseId = '';
  private organisationsRequested = false;

  load(caseId: string): void {
    this.caseId = caseId;
    this.state.set('loading');
    this.detail.set(null);
    this.consents.set(null);
    this.informing.set(null);
    this.fetch().subscribe({
      next: () => {
        this.reloadConsents().subscribe({ error: () => undefined });
        this.reloadInforming().subscribe({ error: () => undefined });
      },
      error: () => undefined,
    });
  }

  /** Fetches the consent register again (after a change, or one that affects disclosures). */
  reloadConsents(): Observable<CaseConsentsDto> {
    return this.api.consents(this.caseId).pipe(
      tap({
        next: (consents) => {
          this.consents.set(consents);
          this.consentsFailed.set(false);
        },
        error: () => this.consentsFailed.set(true),
      }),
      takeUntilDestroyed(this.destroyRef),
    );
  }

  reloadInforming(): Observable<CaseInformingDto> {
    return this.api.informing(this.caseId).pipe(
      tap({
        next: (informing) => this.replaceInforming(informing),
        error: () => this.informingFailed.set(true),
      }),
      takeUntilDestroyed(this.destroyRef),
    );
  }

  replaceInforming(informing: CaseInformingDto): void {
    this.informing.set(informing);
    this.informingFailed.set(false);
  }

  /** Fetches the case again; a 404 now (access withdrawn) turns the page into "not found". */
  reload(): Observable<CaseDetailDto> {
    return this.fetch();
  }

  replace(detail: CaseDetailDto): void {
    this.detail.set(detail);
    this.state.set('ready');
  }

  loadOrganisations(): void {
    const detail = this.detail();
    if (!detail || this.organisationsRequested) {
      return;
    }
    this.organisationsRequested = true;
    this.organisationsFailed.set(false);
    this.api
      .tableOrganisations(detail.table.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (organisations) => this.organisations.set(organisations),
        error: () => {
          this.organisationsRequested = false;
          this.organisationsFailed.set(true);
        },
      });
  }

  private fetch(): Observable<CaseDetailDto> {
    return this.api.get(this.caseId).pipe(
      tap({
        next: (detail) => this.replace(detail),
        error: (error: unknown) => {
          // A failed reload keeps what is on screen; the section that asked says so.
          if (statusOf(error) === 404) {
            this.state.set('notFound');
          } else if (!this.detail()) {
            this.state.set('failed');
          }
        },
      }),
      takeUntilDestroyed(this.destroyRef),
    );
  }
}
