import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AccountSessionDto, ChangePasswordRequest, FieldProblem } from '@casustafel/shared/contracts';
import { AuthApi, SessionStore, problemOf } from '@casustafel/web/auth/data-access';
import { LanguageStore } from '@casustafel/web/shared/i18n';
import { Alert, UtrechtLazyStyles } from '@casustafel/web/shared/ui';
import { finalize } from 'rxjs';
import { PasswordForm } from '../new-password/password-form';

/** Mijn account: own details, roles, sessions on other devices, password. */
@Component({
  selector: 'cst-account-page',
  imports: [TranslocoPipe, DatePipe, Alert, PasswordForm, UtrechtLazyStyles],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-page.html',
  styles: `
    .cst-account {
      display: grid;
      gap: 2.5rem;
    }
    .cst-account__table {
      inline-size: 100%;
    }
    dl {
      display: grid;
      gap: 0.25rem 1.5rem;
      grid-template-columns: max-content minmax(0, 1fr);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `,
})
export class AccountPage implements OnInit {
  private readonly api = inject(AuthApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly store = inject(SessionStore);
  protected readonly language = inject(LanguageStore);

  protected readonly sessions = signal<AccountSessionDto[]>([]);
  protected readonly message = signal<string | null>(null);
  protected readonly passwordBusy = signal(false);
  protected readonly passwordErrors = signal<FieldProblem[]>([]);
  private readonly passwordForm = viewChild.required(PasswordForm);

  ngOnInit(): void {
    this.reload();
  }

  protected endOthers(): void {
    this.api
      .endOtherSessions()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => {
        this.message.set('account.endedOthers');
        this.reload();
      });
  }

  protected end(session: AccountSessionDto): void {
    this.api
      .endSession(session.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => {
        this.message.set('account.ended');
        this.reload();
      });
  }

  protected changePassword(request: ChangePasswordRequest): void {
    this.passwordBusy.set(true);
    this.passwordErrors.set([]);
    this.message.set(null);
    this.api
      .changePassword(request)
      .pipe(
        finalize(() => this.passwordBusy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.passwordForm().reset();
          this.message.set('newPassword.saved');
          this.reload();
        },
        error: (error: unknown) => this.passwordErrors.set(problemOf(error)?.errors ?? []),
      });
  }

  private reload(): void {
    this.api
      .accountSessions()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((sessions) => this.sessions.set(sessions));
  }
}
