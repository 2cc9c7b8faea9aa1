import { FocusMonitor } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthApi, SessionStore } from '@casustafel/web/auth/data-access';
import { NotificationBell } from '@casustafel/web/meetings/feature';
import { Alert, SkipLink } from '@casustafel/web/shared/ui';
import { filter } from 'rxjs';
import { LanguageSwitch } from '../language-switch/language-switch';

export const MAIN_CONTENT_ID = 'hoofdinhoud';

/** Page frame: skip link, header (product, session, language), navigation, main, footer. */
@Component({
  selector: 'cst-root',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TranslocoPipe,
    SkipLink,
    LanguageSwitch,
    Alert,
    NotificationBell,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app-shell.html',
  styleUrl: './app-shell.scss',
})
export class AppShell {
  protected readonly session = inject(SessionStore);
  protected readonly mainId = MAIN_CONTENT_ID;
  protected readonly loggedOut = signal(false);
  private readonly authApi = inject(AuthApi);
  private readonly router = inject(Router);

  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly focusMonitor = inject(FocusMonitor);
  private readonly injector = inject(Injector);

  /** Ends the session on the server (every instance), forgets it here, shows the login page. */
  protected logout(): void {
    const done = () => {
      this.session.clear();
      this.loggedOut.set(true);
      void this.router.navigate(['/inloggen']);
    };
    this.authApi.logout().subscribe({ next: done, error: done });
  }

  constructor() {
    // After in-app navigation, move focus to the new page's content so keyboard and
    // screen reader users start there instead of on the link they activated. A change of the query
    // only (a filter, a search, an opened item) is the same page: focus stays where the user is.
    let path: string | null = null;
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe((event) => {
        const previous = path;
        path = event.urlAfterRedirects.split(/[?#]/)[0];
        if (previous === null || previous === path) {
          return;
        }
        if (this.session.signedIn()) {
          this.loggedOut.set(false);
        }
        afterNextRender(() => this.focusMonitor.focusVia(this.main().nativeElement, 'program'), {
          injector: this.injector,
        });
      });
  }
}
