import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** Beheer: a sub-navigation between users, organisations and case tables, above the page. */
@Component({
  selector: 'cst-admin-layout',
  imports: [RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="cst-admin-nav" [attr.aria-label]="'admin.nav.label' | transloco">
      <ul class="cst-admin-nav__list">
        @for (link of links; track link.path) {
          <li class="cst-admin-nav__item">
            <a
              class="utrecht-link cst-admin-nav__link"
              [routerLink]="link.path"
              routerLinkActive="cst-admin-nav__link--current"
              ariaCurrentWhenActive="page"
              >{{ link.label | transloco }}</a
            >
          </li>
        }
      </ul>
    </nav>
    <router-outlet />
  `,
  styles: `
    .cst-admin-nav {
      border-block-end: 1px solid var(--utrecht-color-grey-80, #ccc);
      margin-block-end: 2rem;
    }
    .cst-admin-nav__list {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .cst-admin-nav__link {
      border-block-end: 4px solid transparent;
      display: inline-block;
      padding-block: 0.75rem;
    }
    .cst-admin-nav__link--current {
      border-block-end-color: currentColor;
      font-weight: bold;
      text-decoration: none;
    }
  `,
})
export class AdminLayout {
  protected readonly links = [
    { path: 'gebruikers', label: 'admin.nav.users' },
    { path: 'organisaties', label: 'admin.nav.organisations' },
    { path: 'tafels', label: 'admin.nav.tables' },
  ];
}
