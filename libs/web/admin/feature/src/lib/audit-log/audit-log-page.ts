import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type {
  AuditEventDto,
  AuditEventQuery,
  AuditPersonDto,
  AuditUserDto,
} from '@casustafel/shared/contracts';
import { AuditLogApi } from '@casustafel/web/admin/data-access';
import { statusOf } from '@casustafel/web/auth/data-access';
import { Alert, FormField, Textbox, UtrechtLazyStyles } from '@casustafel/web/shared/ui';
import { combineLatest, map, type Observable } from 'rxjs';
import { formatDate, formatDateTime } from '../shared/format';
import { actionKey, categoryKey } from './audit-labels';

const PAGE_SIZE = 50;

interface Loaded {
  person: AuditPersonDto | null;
  user: AuditUserDto | null;
  items: AuditEventDto[];
  total: number;
  page: number;
}

/**
 * One person's log ("wie heeft dit dossier ingezien", NEN 7513) or one user's actions, newest
 * first, filtered by period; the period and page live in the address (`?from=&to=&page=`), so the
 * browser's back button and a bookmark keep them. A person's log can be downloaded as CSV or in
 * Logboek Dataverwerkingen format. Break-glass rows say so in words, not only by colour.
 */
@Component({
  selector: 'cst-audit-log-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, Alert, FormField, Textbox, UtrechtLazyStyles],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-log-page.html',
  styleUrls: ['../shared/admin-page.scss', './audit-log.scss'],
})
export class AuditLogPage implements OnInit {
  private readonly api = inject(AuditLogApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly formatDate = formatDate;
  protected readonly formatDateTime = formatDateTime;
  protected readonly actionKey = actionKey;
  protected readonly categoryKey = categoryKey;
  protected readonly kind: 'person' | 'user' =
    this.route.snapshot.data['kind'] === 'user' ? 'user' : 'person';
  protected readonly state = signal<'loading' | 'ready' | 'failed' | 'notFound'>('loading');
  protected readonly data = signal<Loaded | null>(null);
  protected readonly query = signal<AuditEventQuery>({});
  protected readonly periodError = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({ from: [''], to: [''] });

  protected readonly pages = computed(() => Math.max(1, Math.ceil((this.data()?.total ?? 0) / PAGE_SIZE)));
  protected readonly name = computed(() => {
    const d = this.data();
    return d?.person ? `${d.person.givenName} ${d.person.familyName}` : (d?.user?.displayName ?? '');
  });
  protected readonly exportCsv = computed(() => this.exportUrl('csv'));
  protected readonly exportLdv = computed(() => this.exportUrl('ldv'));

  ngOnInit(): void {
    combineLatest([this.route.paramMap, this.route.queryParamMap])
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(([params, queryParams]) => {
        const query: AuditEventQuery = {
          from: queryParams.get('from') ?? undefined,
          to: queryParams.get('to') ?? undefined,
          page: Number(queryParams.get('page')) || 1,
          pageSize: PAGE_SIZE,
        };
        this.query.set(query);
        this.form.setValue({ from: query.from ?? '', to: query.to ?? '' });
        this.load(params.get('id') ?? '', query);
      });
  }

  protected applyPeriod(): void {
    const { from, to } = this.form.getRawValue();
    if (from && to && to < from) {
      this.periodError.set('auditLog.period.toBeforeFrom');
      return;
    }
    this.periodError.set(null);
    this.navigate({ from: from || null, to: to || null, page: null });
  }

  protected clearPeriod(): void {
    this.periodError.set(null);
    this.navigate({ from: null, to: null, page: null });
  }

  protected goToPage(page: number): void {
    this.navigate({ page: page > 1 ? page : null });
  }

  protected rolesOf(event: AuditEventDto): string[] {
    return [...new Set(event.roles)];
  }

  private navigate(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }

  private exportUrl(format: 'csv' | 'ldv'): string | null {
    const person = this.data()?.person;
    return person ? this.api.exportUrl(person.id, format, this.query()) : null;
  }

  private load(id: string, query: AuditEventQuery): void {
    this.state.set('loading');
    const request: Observable<Loaded> =
      this.kind === 'person'
        ? this.api.personEvents(id, query).pipe(map((r) => ({ ...r, user: null })))
        : this.api.userEvents(id, query).pipe(map((r) => ({ ...r, person: null })));
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (loaded) => {
        this.data.set(loaded);
        this.state.set('ready');
      },
      error: (error: unknown) => {
        const status = statusOf(error);
        this.state.set(status === 404 ? 'notFound' : 'failed');
        if (status === 400) {
          this.periodError.set('auditLog.period.invalid');
        }
      },
    });
  }
}
