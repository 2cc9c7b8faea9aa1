import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AuditPersonHitDto, AuditUserDto } from '@casustafel/shared/contracts';
import { AuditLogApi } from '@casustafel/web/admin/data-access';
import { Alert, FormField, Textbox, UtrechtLazyStyles } from '@casustafel/web/shared/ui';
import { formatDate } from '../shared/format';

type Load<T> =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'failed' }
  | { state: 'ready'; items: T[] };

function itemsOf<T>(load: Load<T>): T[] {
  return load.state === 'ready' ? load.items : [];
}

/**
 * The start of the Logboek: find a person of the region (family name, date of birth, case or
 * registration number) or a user, and open their log. Every search is recorded by the API.
 */
@Component({
  selector: 'cst-audit-search-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, Alert, FormField, Textbox, UtrechtLazyStyles],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-search-page.html',
  styleUrls: ['../shared/admin-page.scss', './audit-log.scss'],
})
export class AuditSearchPage {
  private readonly api = inject(AuditLogApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly formatDate = formatDate;
  protected readonly personForm = this.fb.group({ familyName: [''], dateOfBirth: [''], number: [''] });
  protected readonly userForm = this.fb.group({ name: [''] });
  protected readonly persons = signal<Load<AuditPersonHitDto>>({ state: 'idle' });
  protected readonly users = signal<Load<AuditUserDto>>({ state: 'idle' });
  protected readonly personItems = computed(() => itemsOf(this.persons()));
  protected readonly userItems = computed(() => itemsOf(this.users()));
  /** A client-side problem with the person search (translation key). */
  protected readonly personError = signal<string | null>(null);

  protected searchPersons(): void {
    const { familyName, dateOfBirth, number } = this.personForm.getRawValue();
    const name = familyName.trim();
    if (!name && !dateOfBirth && !number.trim()) {
      this.personError.set('auditLog.personSearch.needTerm');
      return;
    }
    if (name && name.length < 2) {
      this.personError.set('auditLog.personSearch.tooShort');
      return;
    }
    this.personError.set(null);
    this.persons.set({ state: 'loading' });
    this.api
      .searchPersons({
        familyName: name || undefined,
        dateOfBirth: dateOfBirth || undefined,
        number: number.trim() || undefined,
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (items) => this.persons.set({ state: 'ready', items }),
        error: () => this.persons.set({ state: 'failed' }),
      });
  }

  protected searchUsers(): void {
    this.users.set({ state: 'loading' });
    this.api
      .users(this.userForm.getRawValue().name.trim())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (items) => this.users.set({ state: 'ready', items }),
        error: () => this.users.set({ state: 'failed' }),
      });
  }

  protected where(hit: AuditPersonHitDto): string {
    return hit.caseNumber ?? hit.registrationNumber ?? '';
  }
}
