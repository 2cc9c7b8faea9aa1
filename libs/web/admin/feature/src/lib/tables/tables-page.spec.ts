import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { CaseTableAdminDto, OrganisationDto } from '@casustafel/shared/contracts';
import { ADMIN_URL } from '@casustafel/web/admin/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { TablesPage } from './tables-page';

const WEESP: OrganisationDto = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Gemeente Weesp',
  partnerType: 'GEMEENTE_SOCIAAL_DOMEIN',
  legalRegimes: [],
  active: true,
  version: 1,
};
const POLITIE: OrganisationDto = {
  ...WEESP,
  id: '33333333-3333-4333-8333-333333333333',
  name: 'Politie Midden-Nederland',
  partnerType: 'POLITIE',
};
const TABLE: CaseTableAdminDto = {
  id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  name: 'Complexe casuïstiek',
  theme: 'COMPLEX',
  active: true,
  memberships: [
    {
      organisationId: WEESP.id,
      organisationName: WEESP.name,
      partnerType: WEESP.partnerType,
      status: 'SIGNATORY',
      since: '2026-01-05',
      until: null,
      documentRef: 'Convenant ZVH 2026',
      version: 2,
    },
  ],
};
const OTHER: CaseTableAdminDto = {
  id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  name: 'Mensenhandel',
  theme: 'MENSENHANDEL',
  active: true,
  memberships: [],
};
const URL_POLITIE = `${ADMIN_URL}/tables/${TABLE.id}/memberships/${POLITIE.id}`;

describe('TablesPage', () => {
  let fixture: ComponentFixture<TablesPage>;
  let root: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [TablesPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18n()],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TablesPage);
    root = fixture.nativeElement;
    document.body.appendChild(root);
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: `${ADMIN_URL}/tables` }).flush([TABLE, OTHER]);
    http.expectOne({ method: 'GET', url: `${ADMIN_URL}/organisations` }).flush([WEESP, POLITIE]);
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    root.remove();
  });

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
    find('[data-testid="membership-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  it('shows the covenant status per table with readable dates', () => {
    const table = find<HTMLTableElement>('[data-table="Complexe casuïstiek"]');
    expect(table.querySelector('caption')?.textContent?.trim()).toBe(
      'Convenantstatus aan Complexe casuïstiek',
    );
    const row = table.querySelector('tbody tr')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(row).toContain('Gemeente Weesp');
    expect(row).toContain('Convenantpartner (ondertekend)');
    expect(row).toContain('5-1-2026');
    expect(row).toContain('Geen einddatum');
    expect(row).toContain('Convenant ZVH 2026');
    expect(root.textContent).toContain('Aan deze casustafel doen nog geen organisaties mee.');
  });

  it('sets the status of a new organisation without a version', async () => {
    await click(button('Convenantstatus instellen voor Complexe casuïstiek'));
    expect(document.activeElement).toBe(find('#membership-form-heading'));
    const organisations = [...find<HTMLSelectElement>('#membership-organisation').options].map((o) =>
      o.textContent?.trim(),
    );
    expect(organisations).toEqual(['Kies een organisatie', 'Gemeente Weesp', 'Politie Midden-Nederland']);

    await submit();
    expect(find('#membership-organisation-error').textContent).toContain('Maak een keuze.');
    expect(find('#membership-status-error').textContent).toContain('Maak een keuze.');
    expect(find('#membership-since-error').textContent).toContain('Vul dit veld in.');
    http.expectNone({ method: 'PUT' });

    type(find('#membership-organisation'), POLITIE.id);
    type(find('#membership-status'), 'GUEST');
    type(find('#membership-since'), '2026-02-01');
    type(find('#membership-document'), ' Gastovereenkomst ');
    await submit();

    const request = http.expectOne({ method: 'PUT', url: URL_POLITIE });
    expect(request.request.body).toEqual({
      status: 'GUEST',
      since: '2026-02-01',
      until: null,
      documentRef: 'Gastovereenkomst',
    });
    request.flush({
      organisationId: POLITIE.id,
      organisationName: POLITIE.name,
      partnerType: POLITIE.partnerType,
      status: 'GUEST',
      since: '2026-02-01',
      until: null,
      documentRef: 'Gastovereenkomst',
      version: 1,
    });
    await fixture.whenStable();

    expect(find('[role="status"]').textContent).toContain(
      'De convenantstatus van Politie Midden-Nederland aan Complexe casuïstiek is opgeslagen.',
    );
    expect(find('[data-table="Complexe casuïstiek"] tbody').textContent).toContain('Gast');
    expect(root.querySelector('[data-testid="membership-form"]')).toBeNull();
  });

  it('changes an existing status with its version and shows a 400 on "until" at that field', async () => {
    await click(button('Convenantstatus van Gemeente Weesp aan Complexe casuïstiek wijzigen'));
    expect(find<HTMLSelectElement>('#membership-organisation').value).toBe(WEESP.id);
    expect(find<HTMLSelectElement>('#membership-status').value).toBe('SIGNATORY');
    expect(find<HTMLInputElement>('#membership-since').value).toBe('2026-01-05');

    type(find('#membership-status'), 'WITHDRAWN');
    type(find('#membership-until'), '2026-06-30');
    await submit();

    const request = http.expectOne({
      method: 'PUT',
      url: `${ADMIN_URL}/tables/${TABLE.id}/memberships/${WEESP.id}`,
    });
    expect(request.request.body).toEqual({
      status: 'WITHDRAWN',
      since: '2026-01-05',
      until: '2026-06-30',
      documentRef: 'Convenant ZVH 2026',
      version: 2,
    });
    request.flush(
      {
        type: 'validation',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'until', code: 'untilBeforeSince', message: 'until must not be before since' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(find('#membership-until-error').textContent).toContain(
      'De datum ‘tot en met’ mag niet vóór de datum ‘vanaf’ liggen.',
    );
    expect(find('#membership-until').getAttribute('aria-describedby')).toBe(
      'membership-until-hint membership-until-error',
    );
    expect(document.activeElement).toBe(find('#membership-until'));
  });

  it('checks "until" against "since" before sending', async () => {
    await click(button('Convenantstatus instellen voor Mensenhandel'));
    type(find('#membership-organisation'), WEESP.id);
    type(find('#membership-status'), 'DECLINED');
    type(find('#membership-since'), '2026-03-01');
    type(find('#membership-until'), '2026-02-01');
    await submit();

    expect(find('#membership-until-error').textContent).toContain('mag niet vóór');
    http.expectNone({ method: 'PUT' });
  });

  it('on a conflict says someone else changed it and reloads the tables', async () => {
    await click(button('Convenantstatus van Gemeente Weesp aan Complexe casuïstiek wijzigen'));
    await submit();
    http
      .expectOne({ method: 'PUT', url: `${ADMIN_URL}/tables/${TABLE.id}/memberships/${WEESP.id}` })
      .flush(
        { type: 'conflict', title: 'Conflicting change', status: 409 },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    const fresh = {
      ...TABLE,
      memberships: [{ ...TABLE.memberships[0], status: 'DECLINED' as const, version: 3 }],
    };
    http.expectOne({ method: 'GET', url: `${ADMIN_URL}/tables` }).flush([fresh, OTHER]);
    await fixture.whenStable();

    expect(find('[role="alert"]').textContent).toContain('Iemand anders heeft dit intussen gewijzigd');
    expect(find<HTMLSelectElement>('#membership-status').value).toBe('DECLINED');
    await submit();
    expect(
      http.expectOne({ method: 'PUT', url: `${ADMIN_URL}/tables/${TABLE.id}/memberships/${WEESP.id}` })
        .request.body.version,
    ).toBe(3);
  });
});
