import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore } from '@casustafel/web/auth/data-access';
import { UtrechtLazyStyles } from '@casustafel/web/shared/ui';

/**
 * The first page after signing in: who you are, for whom, and at which tables in which role; and
 * where the extracts addressed to one's organisation are (also for an organisation that declined
 * the covenant of a table, like the OM at the mensenhandel table).
 */
@Component({
  selector: 'cst-start-page',
  imports: [RouterLink, TranslocoPipe, UtrechtLazyStyles],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .cst-start__tables {
      margin-block-start: 2rem;
    }
  `,
  template: `
    <cst-utrecht-lazy-styles />
    @if (store.session(); as session) {
      <h1 class="utrecht-heading-1">{{ 'start.heading' | transloco: { name: session.user.displayName } }}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        {{ 'start.organisation' | transloco: { organisation: session.organisation.name } }}
      </p>
      <h2 class="utrecht-heading-2 cst-start__tables">{{ 'start.tablesHeading' | transloco }}</h2>
      @if (session.roles.length === 0) {
        <p class="utrecht-paragraph">{{ 'start.noRoles' | transloco }}</p>
      } @else {
        <table class="utrecht-table" data-testid="start-roles">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{{ 'start.table' | transloco }}</th>
              <th class="utrecht-table__header-cell" scope="col">{{ 'start.role' | transloco }}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            @for (role of session.roles; track role.tableId + role.role) {
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">{{ role.tableName }}</td>
                <td class="utrecht-table__cell">{{ 'roles.' + role.role | transloco }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
      @if (store.has('extracts.receive')) {
        <h2 class="utrecht-heading-2 cst-start__tables">{{ 'extracts.start.heading' | transloco }}</h2>
        <p class="utrecht-paragraph">{{ 'extracts.start.body' | transloco }}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" routerLink="/uittreksels" data-testid="start-extracts">{{
            'extracts.start.link' | transloco
          }}</a>
        </p>
      }
    }
  `,
})
export class StartPage {
  protected readonly store = inject(SessionStore);
}
