import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RegistrationDto } from '@casustafel/shared/contracts';
import { CasesApi } from '@casustafel/web/cases/data-access';
import { Alert, Badge, NoticeBox, type Notice } from '@casustafel/web/shared/ui';
import { TriageOutcome } from '../shared/triage-outcome';
import { registrationStateTone } from '../shared/state-tones';
import { formatDateTime } from '@casustafel/web/shared/i18n';

/** What the registration form hands over when it navigates here after submitting. */
export interface RegistrationsNavigationState {
  submitted?: string;
}

/**
 * Aanmeldingen: the registrations of the user's organisation, newest first. A draft can be
 * continued; a decided one shows the triage outcome and the advice, which is how the registering
 * organisation is told.
 */
@Component({
  selector: 'cst-registrations-page',
  imports: [RouterLink, TranslocoPipe, Alert, Badge, NoticeBox, TriageOutcome],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './registrations-page.html',
  styleUrl: '../shared/cases-page.scss',
})
export class RegistrationsPage {
  private readonly api = inject(CasesApi);
  private readonly injector = inject(Injector);
  private readonly noticeView = viewChild(NoticeBox);

  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly registrations = signal<RegistrationDto[]>([]);
  protected readonly notice = signal<Notice | null>(null);
  protected readonly tone = registrationStateTone;
  protected readonly dateTime = formatDateTime;

  constructor() {
    const navigation = inject(Router).currentNavigation();
    const handedOver = navigation?.trigger === 'imperative' ? navigation.extras.state : undefined;
    const submitted = (handedOver as RegistrationsNavigationState | undefined)?.submitted;
    if (submitted) {
      this.notice.set({ type: 'ok', key: 'cases.registrations.submitted', params: { number: submitted } });
    }

    this.api
      .myRegistrations()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (registrations) => {
          this.registrations.set(registrations);
          this.state.set('ready');
          if (this.notice()) {
            // After the shell has moved focus to the page: the confirmation is read out first.
            afterNextRender(() => this.noticeView()?.focus(), { injector: this.injector });
          }
        },
        error: () => this.state.set('failed'),
      });
  }
}
