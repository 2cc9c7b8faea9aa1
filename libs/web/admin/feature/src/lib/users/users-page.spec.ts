import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AdminUserDto, CaseTableAdminDto, OrganisationDto } from '@casustafel/shared/contracts';
import { ADMIN_URL } from '@casustafel/web/admin/data-access';
import { LanguageStore, provideI18n } from '@casustafel/web/shared/i18n';
import { UsersPage } from './users-page';

const TABLE_A: CaseTableAdminDto = {
  id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  name: 'Complexe casuïstiek',
  theme: 'COMPLEX',
  active: true,
  memberships: [],
};
const TABLE_B: CaseTableAdminDto = {
  id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  name: 'Mensenhandel',
  theme: 'MENSENHANDEL',
  active: true,
  memberships: [],
};
const GEMEENTE: OrganisationDto = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Gemeente Weesp',
  partnerType: 'GEMEENTE_SOCIAAL_DOMEIN',
  legalRegimes: ['AVG'],
  active: true,
  version: 1,
};
const OUD: OrganisationDto = {
  ...GEMEENTE,
  id: '22222222-2222-4222-8222-222222222222',
  name: 'Opgeheven stichting',
  active: false,
};

const FLEUR: AdminUserDto = {
  id: 'f1f1f1f1-f1f1-4f1f-8f1f-f1f1f1f1f1f1',
  email: 'fleur@zvh.example',
  displayName: 'Fleur Jansen',
  organisationId: GEMEENTE.id,
  organisationName: GEMEENTE.name,
  active: true,
  secondFactorEnrolled: true,
  locked: true,
  roles: [
    { tableId: TABLE_A.id, role: 'PROCESREGISSEUR' },
    { tableId: TABLE_A.id, role: 'VOORZITTER' },
    { tableId: TABLE_B.id, role: 'DEELNEMER' },
  ],
  lastLoginAt: null,
  version: 4,
};
const NINA: AdminUserDto = {
  id: 'e2e2e2e2-e2e2-4e2e-8e2e-e2e2e2e2e2e2',
  email: 'n.nieuw@gemeente.example',
  displayName: 'Nina Nieuw',
  organisationId: GEMEENTE.id,
  organisationName: GEMEENTE.name,
  active: true,
  secondFactorEnrolled: false,
  locked: false,
  roles: [{ tableId: TABLE_B.id, role: 'DEELNEMER' }],
  lastLoginAt: null,
  version: 1,
};

describe('UsersPage', () => {
  let fixture: ComponentFixture<UsersPage>;
  let root: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [UsersPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideI18n()],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UsersPage);
    root = fixture.nativeElement;
    document.body.appendChild(root);
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    root.remove();
  });

  async function load(users: AdminUserDto[] = [FLEUR]): Promise<void> {
    http.expectOne({ method: 'GET', url: `${ADMIN_URL}/users` }).flush(users);
    http.expectOne({ method: 'GET', url: `${ADMIN_URL}/tables` }).flush([TABLE_A, TABLE_B]);
    http.expectOne({ method: 'GET', url: `${ADMIN_URL}/organisations` }).flush([GEMEENTE, OUD]);
    await fixture.whenStable();
  }

  function find<T extends Element>(selector: string): T {
    const element = root.querySelector<T>(selector);
    if (!element) {
      throw new Error(`Nothing matches ${selector}`);
    }
    return element;
  }

  function button(name: string): HTMLButtonElement {
    const match = [...root.querySelectorAll('button')].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name,
    );
    if (!match) {
      throw new Error(`No button named ${name}`);
    }
    return match;
  }

  function type(element: HTMLInputElement | HTMLSelectElement, value: string): void {
    element.value = value;
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
  }

  async function click(element: HTMLElement): Promise<void> {
    element.click();
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    find('[data-testid="user-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  it('lists the users with their roles per table and their status', async () => {
    await load([FLEUR, NINA]);

    const table = find<HTMLTableElement>('[data-testid="users-table"]');
    expect(table.querySelector('caption')?.textContent?.trim()).toBe('Gebruikers en hun rollen');
    const headers = [...table.querySelectorAll('thead th')].map((th) => [
      th.textContent?.trim(),
      th.getAttribute('scope'),
    ]);
    expect(headers).toEqual([
      ['Naam', 'col'],
      ['Organisatie', 'col'],
      ['Rollen', 'col'],
      ['Status', 'col'],
      ['Acties', 'col'],
    ]);
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    const fleur = rows[0].textContent?.replace(/\s+/g, ' ') ?? '';
    expect(fleur).toContain('Fleur Jansen');
    expect(fleur).toContain('Complexe casuïstiek: Procesregisseur, Voorzitter');
    expect(fleur).toContain('Mensenhandel: Deelnemer');
    expect(fleur).toContain('Actief');
    expect(fleur).toContain('Geblokkeerd');
    expect(fleur).toContain('Tweestapsverificatie ingesteld');
    expect(rows[1].textContent).toContain('Tweestapsverificatie niet ingesteld');
    expect(rows[1].textContent).not.toContain('Geblokkeerd');
    // Actions name the user they act on; unlocking and resetting the second factor only when they apply.
    expect(button('Gebruiker Fleur Jansen deblokkeren')).toBeTruthy();
    expect(button('Tweestapsverificatie resetten voor Fleur Jansen')).toBeTruthy();
    expect(() => button('Gebruiker Nina Nieuw deblokkeren')).toThrow();
    expect(() => button('Tweestapsverificatie resetten voor Nina Nieuw')).toThrow();
    expect(button('Gebruiker Nina Nieuw deactiveren').textContent?.trim()).toBe('Deactiveren');
  });

  it('creates a user and shows the temporary password once, with the instruction', async () => {
    await load();
    await click(button('Nieuwe gebruiker'));
    expect(button('Nieuwe gebruiker').getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.id).toBe('user-form-heading');

    // Only active organisations can get new users.
    const options = [...find<HTMLSelectElement>('#user-organisation').options].map((o) =>
      o.textContent?.trim(),
    );
    expect(options).toEqual(['Kies een organisatie', 'Gemeente Weesp']);
    expect(find('label[for="user-email"]').textContent?.trim()).toBe('E-mailadres');
    expect(
      find(`#user-roles-${TABLE_B.id}-DEELNEMER`)
        .closest('fieldset')
        ?.querySelector('legend')
        ?.textContent?.trim(),
    ).toBe('Rollen aan Mensenhandel');

    type(find('#user-email'), ' n.nieuw@gemeente.example ');
    type(find('#user-name'), 'Nina Nieuw');
    type(find('#user-organisation'), GEMEENTE.id);
    await click(find(`#user-roles-${TABLE_B.id}-DEELNEMER`));
    await click(find(`#user-roles-${TABLE_A.id}-TRIAGIST`));
    await submit();

    const request = http.expectOne({ method: 'POST', url: `${ADMIN_URL}/users` });
    expect(request.request.body).toEqual({
      email: 'n.nieuw@gemeente.example',
      displayName: 'Nina Nieuw',
      organisationId: GEMEENTE.id,
      roles: [
        { tableId: TABLE_A.id, role: 'TRIAGIST' },
        { tableId: TABLE_B.id, role: 'DEELNEMER' },
      ],
    });
    request.flush(
      { user: NINA, temporaryPassword: 'abcd-efgh-jkmn-pqrs' },
      { status: 201, statusText: 'Created' },
    );
    await fixture.whenStable();

    const heading = find('#temporary-password-heading');
    expect(heading.textContent?.trim()).toBe('Tijdelijk wachtwoord voor Nina Nieuw');
    expect(heading.closest('[role="status"]')).not.toBeNull();
    expect(find('[data-testid="temporary-password"]').textContent?.trim()).toBe('abcd-efgh-jkmn-pqrs');
    expect(heading.closest('section')?.textContent).toContain('nooit per e-mail');
    expect(document.activeElement).toBe(heading);
    expect(root.querySelector('[data-testid="user-form"]')).toBeNull();
    expect(find('[data-testid="users-table"]').textContent).toContain('n.nieuw@gemeente.example');

    await click(button('Ik heb het wachtwoord doorgegeven'));
    expect(root.querySelector('[data-testid="temporary-password"]')).toBeNull();
    expect(document.activeElement).toBe(button('Nieuwe gebruiker'));
  });

  it('checks required fields before sending anything', async () => {
    await load();
    await click(button('Nieuwe gebruiker'));
    type(find('#user-email'), 'geen-adres');
    await submit();

    expect(find('#user-email-error').textContent).toContain('Vul een geldig e-mailadres in');
    expect(find('#user-email-error').textContent).toContain('Fout:');
    expect(find('#user-name-error').textContent).toContain('Vul dit veld in.');
    expect(find('#user-organisation-error').textContent).toContain('Maak een keuze.');
    expect(find('#user-email').getAttribute('aria-invalid')).toBe('true');
    expect(find('#user-email').getAttribute('aria-describedby')).toBe('user-email-error');
    expect(document.activeElement).toBe(find('#user-email'));
    http.expectNone({ method: 'POST', url: `${ADMIN_URL}/users` });
  });

  it('shows server field errors at the field they concern and the rest in an alert', async () => {
    await load();
    await click(button('Nieuwe gebruiker'));
    type(find('#user-email'), 'n.nieuw@gemeente.example');
    type(find('#user-name'), 'Nina Nieuw');
    type(find('#user-organisation'), GEMEENTE.id);
    await click(find(`#user-roles-${TABLE_A.id}-DEELNEMER`));
    await click(find(`#user-roles-${TABLE_B.id}-DEELNEMER`));
    await submit();

    http.expectOne({ method: 'POST', url: `${ADMIN_URL}/users` }).flush(
      {
        type: 'validation',
        title: 'Bad Request',
        status: 400,
        correlationId: 'c0ffee',
        errors: [
          { field: 'organisationId', code: 'unknownOrganisation', message: 'is not an active organisation' },
          {
            field: 'roles[1].tableId',
            code: 'tableNotAdministered',
            message: 'is not a table you administer',
          },
          { field: 'mystery', code: 'whatever', message: 'no idea' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(find('#user-organisation-error').textContent).toContain(
      'Kies een actieve organisatie uit de lijst.',
    );
    expect(find('#user-organisation').getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#user-email-error')).toBeNull();
    // roles[1] is the role at the second table: the error is shown in that table's fieldset.
    const rolesB = find(`#user-roles-${TABLE_B.id}-error`);
    expect(rolesB.textContent).toContain('U beheert deze casustafel niet.');
    expect(rolesB.closest('fieldset')?.getAttribute('aria-describedby')).toBe(
      `user-roles-${TABLE_B.id}-error`,
    );
    expect(root.querySelector(`#user-roles-${TABLE_A.id}-error`)).toBeNull();
    const alert = find('[role="alert"]');
    expect(alert.textContent).toContain('Niet alles is goed ingevuld');
    expect(alert.textContent).toContain('Deze waarde is niet geldig.');
    expect(document.activeElement).toBe(find('#user-organisation'));
  });

  it('explains a taken e-mail address at the e-mail field', async () => {
    await load();
    await click(button('Nieuwe gebruiker'));
    type(find('#user-email'), FLEUR.email);
    type(find('#user-name'), 'Fleur Twee');
    type(find('#user-organisation'), GEMEENTE.id);
    await submit();

    http.expectOne({ method: 'POST', url: `${ADMIN_URL}/users` }).flush(
      {
        type: 'urn:casustafel:problem:user.email_taken',
        title: 'Conflicting change',
        status: 409,
        detail: 'An account with this e-mail address already exists.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    expect(find('#user-email-error').textContent).toContain('Er is al een account met dit e-mailadres.');
    expect(document.activeElement).toBe(find('#user-email'));
  });

  it('edits name and roles with the version read', async () => {
    await load([FLEUR, NINA]);
    await click(button('Gebruiker Nina Nieuw bewerken'));

    expect(find('#user-form-heading').textContent?.trim()).toBe('Gebruiker Nina Nieuw bewerken');
    expect(root.querySelector('#user-email')).toBeNull();
    expect(find<HTMLInputElement>(`#user-roles-${TABLE_B.id}-DEELNEMER`).checked).toBe(true);
    type(find('#user-name'), 'Nina Nieuw-Oud');
    await click(find(`#user-roles-${TABLE_B.id}-DEELNEMER`));
    await click(find(`#user-roles-${TABLE_A.id}-CASUSREGISSEUR`));
    await submit();

    const request = http.expectOne({ method: 'PUT', url: `${ADMIN_URL}/users/${NINA.id}` });
    expect(request.request.body).toEqual({
      displayName: 'Nina Nieuw-Oud',
      roles: [{ tableId: TABLE_A.id, role: 'CASUSREGISSEUR' }],
      version: 1,
    });
    request.flush({ ...NINA, displayName: 'Nina Nieuw-Oud', roles: request.request.body.roles, version: 2 });
    await fixture.whenStable();

    const notice = find('[data-testid="admin-notice"]');
    expect(notice.querySelector('[role="status"]')?.textContent).toContain(
      'De gegevens van Nina Nieuw-Oud zijn opgeslagen.',
    );
    expect(document.activeElement).toBe(notice);
    expect(find('[data-testid="users-table"]').textContent).toContain('Complexe casuïstiek: Casusregisseur');
  });

  it('reloads and shows the current data when someone else changed the user first', async () => {
    await load([NINA]);
    await click(button('Gebruiker Nina Nieuw bewerken'));
    type(find('#user-name'), 'Nina N.');
    await submit();
    http
      .expectOne({ method: 'PUT', url: `${ADMIN_URL}/users/${NINA.id}` })
      .flush(
        { type: 'conflict', title: 'Conflicting change', status: 409 },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    http
      .expectOne({ method: 'GET', url: `${ADMIN_URL}/users` })
      .flush([{ ...NINA, displayName: 'Nina de Vries', version: 2 }]);
    await fixture.whenStable();

    expect(find('[role="alert"]').textContent).toContain('Iemand anders heeft dit intussen gewijzigd');
    expect(find<HTMLInputElement>('#user-name').value).toBe('Nina de Vries');
    await submit();
    expect(http.expectOne({ method: 'PUT', url: `${ADMIN_URL}/users/${NINA.id}` }).request.body.version).toBe(
      2,
    );
  });

  it('deactivates a user, announces it and offers to activate again', async () => {
    await load([NINA]);
    await click(button('Gebruiker Nina Nieuw deactiveren'));

    http
      .expectOne({ method: 'POST', url: `${ADMIN_URL}/users/${NINA.id}/deactivate` })
      .flush({ ...NINA, active: false, version: 2 });
    await fixture.whenStable();

    expect(find('[role="status"]').textContent).toContain(
      'Nina Nieuw is gedeactiveerd en op alle apparaten uitgelogd.',
    );
    expect(find('[data-testid="users-table"]').textContent).toContain('Gedeactiveerd');
    expect(button('Gebruiker Nina Nieuw activeren').textContent?.trim()).toBe('Activeren');
    expect(document.activeElement).toBe(find('[data-testid="admin-notice"]'));
  });

  it('says so when the beheerder tries to deactivate their own account', async () => {
    await load([NINA]);
    await click(button('Gebruiker Nina Nieuw deactiveren'));
    http
      .expectOne({ method: 'POST', url: `${ADMIN_URL}/users/${NINA.id}/deactivate` })
      .flush(
        { type: 'conflict', title: 'Conflicting change', status: 409 },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();

    expect(find('[role="alert"]').textContent).toContain('U kunt uw eigen account niet deactiveren.');
  });

  it('resets a password and shows the new temporary password', async () => {
    await load([NINA]);
    await click(button('Wachtwoord resetten voor Nina Nieuw'));
    http
      .expectOne({ method: 'POST', url: `${ADMIN_URL}/users/${NINA.id}/reset-password` })
      .flush({ user: { ...NINA, version: 2 }, temporaryPassword: 'wxyz-2345-6789-abcd' });
    await fixture.whenStable();

    expect(find('#temporary-password-heading').textContent?.trim()).toBe(
      'Tijdelijk wachtwoord voor Nina Nieuw',
    );
    expect(find('[data-testid="temporary-password"]').textContent?.trim()).toBe('wxyz-2345-6789-abcd');
    expect(find('#temporary-password-heading').closest('section')?.textContent).toContain(
      'wachtwoord van Nina Nieuw is gereset',
    );
  });

  it('shows the texts in English after switching language', async () => {
    await load([NINA]);
    await TestBed.inject(LanguageStore).use('en');
    await fixture.whenStable();

    expect(button('Deactivate user Nina Nieuw').textContent?.trim()).toBe('Deactivate');
    expect(button('New user')).toBeTruthy();
    localStorage.clear();
  });
});
