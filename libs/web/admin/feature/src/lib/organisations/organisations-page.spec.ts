import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { OrganisationDto } from '@casustafel/shared/contracts';
import { ADMIN_URL } from '@casustafel/web/admin/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { OrganisationsPage } from './organisations-page';

const WEESP: OrganisationDto = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Gemeente Weesp',
  partnerType: 'GEMEENTE_SOCIAAL_DOMEIN',
  legalRegimes: ['AVG', 'WMO'],
  active: true,
  version: 3,
};
const POLITIE: OrganisationDto = {
  id: '33333333-3333-4333-8333-333333333333',
  name: 'Politie Midden-Nederland',
  partnerType: 'POLITIE',
  legalRegimes: ['WPG'],
  active: false,
  version: 1,
};

const CONFLICT = { type: 'urn:casustafel:problem:conflict', title: 'Conflicting change', status: 409 };

describe('OrganisationsPage', () => {
  let fixture: ComponentFixture<OrganisationsPage>;
  let root: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [OrganisationsPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18n()],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OrganisationsPage);
    root = fixture.nativeElement;
    document.body.appendChild(root);
    await fixture.whenStable();
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
    find('[data-testid="organisation-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  it('lists the organisations with partner type, legal frameworks and status', () => {
    const rows = [...root.querySelectorAll('[data-testid="organisations-table"] tbody tr')].map((row) =>
      row.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(rows[0]).toContain('Gemeente Weesp');
    expect(rows[0]).toContain('Gemeente, sociaal domein');
    expect(rows[0]).toContain('AVG (Algemene verordening gegevensbescherming)');
    expect(rows[0]).toContain('Actief');
    expect(rows[1]).toContain('Niet actief');
    expect(button('Organisatie Politie Midden-Nederland bewerken').textContent?.trim()).toBe('Bewerken');
  });

  it('adds an organisation', async () => {
    await click(button('Nieuwe organisatie'));
    await submit();
    expect(find('#organisation-name-error').textContent).toContain('Vul dit veld in.');
    expect(find('#organisation-partner-type-error').textContent).toContain('Maak een keuze.');
    expect(document.activeElement).toBe(find('#organisation-name'));
    http.expectNone({ method: 'POST' });

    expect(
      find('#organisation-legal-regimes-AVG')
        .closest('fieldset')
        ?.querySelector('legend')
        ?.textContent?.trim(),
    ).toBe('Wettelijke kaders');
    type(find('#organisation-name'), '  Veilig Thuis Utrecht ');
    type(find('#organisation-partner-type'), 'VEILIG_THUIS');
    await click(find('#organisation-legal-regimes-JEUGDWET'));
    await click(find('#organisation-legal-regimes-AVG'));
    await submit();

    const request = http.expectOne({ method: 'POST', url: `${ADMIN_URL}/organisations` });
    expect(request.request.body).toEqual({
      name: 'Veilig Thuis Utrecht',
      partnerType: 'VEILIG_THUIS',
      legalRegimes: ['AVG', 'JEUGDWET'],
    });
    request.flush(
      { ...request.request.body, id: '44444444-4444-4444-8444-444444444444', active: true, version: 1 },
      { status: 201, statusText: 'Created' },
    );
    await fixture.whenStable();

    expect(find('[role="status"]').textContent).toContain(
      'De organisatie Veilig Thuis Utrecht is toegevoegd.',
    );
    expect(root.querySelector('[data-testid="organisation-form"]')).toBeNull();
    expect(root.querySelectorAll('[data-testid="organisations-table"] tbody tr')).toHaveLength(3);
  });

  it('on a stale version says someone else changed it, reloads and saves with the new version', async () => {
    await click(button('Organisatie Gemeente Weesp bewerken'));
    expect(find('#organisation-form-heading').textContent?.trim()).toBe(
      'Organisatie Gemeente Weesp bewerken',
    );
    expect(document.activeElement).toBe(find('#organisation-form-heading'));
    expect(find<HTMLInputElement>('#organisation-name').value).toBe('Gemeente Weesp');
    expect(find<HTMLSelectElement>('#organisation-partner-type').value).toBe('GEMEENTE_SOCIAAL_DOMEIN');
    expect(find<HTMLInputElement>('#organisation-legal-regimes-WMO').checked).toBe(true);
    expect(find<HTMLInputElement>('#organisation-active').checked).toBe(true);

    await click(find('#organisation-active'));
    await submit();
    const put = http.expectOne({ method: 'PUT', url: `${ADMIN_URL}/organisations/${WEESP.id}` });
    expect(put.request.body).toEqual({
      name: 'Gemeente Weesp',
      partnerType: 'GEMEENTE_SOCIAAL_DOMEIN',
      legalRegimes: ['AVG', 'WMO'],
      active: false,
      version: 3,
    });
    put.flush(
      { ...CONFLICT, detail: 'The organisation was changed by someone else; reload and try again.' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    http
      .expectOne({ method: 'GET', url: `${ADMIN_URL}/organisations` })
      .flush([{ ...WEESP, name: 'Gemeente Weesp (Amsterdam)', version: 4 }, POLITIE]);
    await fixture.whenStable();

    const alert = find('[role="alert"]');
    expect(alert.textContent).toContain('Iemand anders heeft dit intussen gewijzigd');
    expect(document.activeElement).toBe(find('[data-testid="admin-notice"]'));
    expect(find<HTMLInputElement>('#organisation-name').value).toBe('Gemeente Weesp (Amsterdam)');
    expect(find('[data-testid="organisations-table"]').textContent).toContain('Gemeente Weesp (Amsterdam)');

    await click(find('#organisation-active'));
    await submit();
    const retry = http.expectOne({ method: 'PUT', url: `${ADMIN_URL}/organisations/${WEESP.id}` });
    expect(retry.request.body).toMatchObject({ active: false, version: 4 });
    retry.flush({ ...WEESP, name: 'Gemeente Weesp (Amsterdam)', active: false, version: 5 });
    await fixture.whenStable();
    expect(find('[role="status"]').textContent).toContain(
      'De gegevens van Gemeente Weesp (Amsterdam) zijn opgeslagen.',
    );
  });

  it('shows a taken name at the name field', async () => {
    await click(button('Organisatie Politie Midden-Nederland bewerken'));
    type(find('#organisation-name'), 'Gemeente Weesp');
    await submit();
    http.expectOne({ method: 'PUT', url: `${ADMIN_URL}/organisations/${POLITIE.id}` }).flush(
      {
        ...CONFLICT,
        type: 'urn:casustafel:problem:organisation.name_taken',
        detail: 'An organisation with this name already exists in the region.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    expect(find('#organisation-name-error').textContent).toContain('Er is al een organisatie met deze naam.');
    expect(document.activeElement).toBe(find('#organisation-name'));
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('shows a server field error at its field', async () => {
    await click(button('Nieuwe organisatie'));
    type(find('#organisation-name'), 'X');
    type(find('#organisation-partner-type'), 'OM');
    await click(find('#organisation-legal-regimes-WPG'));
    await submit();
    http.expectOne({ method: 'POST', url: `${ADMIN_URL}/organisations` }).flush(
      {
        type: 'validation',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'legalRegimes[0]', code: 'isIn', message: 'must be one of' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(find('#organisation-legal-regimes-error').textContent).toContain('Kies een van de mogelijkheden.');
    expect(document.activeElement).toBe(find('#organisation-legal-regimes-AVG'));
  });

  it('returns focus to the button that opened the form when cancelling', async () => {
    await click(button('Organisatie Gemeente Weesp bewerken'));
    await click(button('Annuleren'));
    expect(root.querySelector('[data-testid="organisation-form"]')).toBeNull();
    expect(document.activeElement).toBe(button('Organisatie Gemeente Weesp bewerken'));
  });
});
