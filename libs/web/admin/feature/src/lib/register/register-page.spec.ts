import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type {
  CaseTableAdminDto,
  Permission,
  ProcessingActivityDto,
  SessionResponse,
} from '@casustafel/shared/contracts';
import { ADMIN_URL, REGISTER_URL } from '@casustafel/web/admin/data-access';
import { AUTH_URL, SessionStore } from '@casustafel/web/auth/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { RegisterPage } from './register-page';

const T_MH = '11111111-1111-4111-8111-111111111111';
const T_CX = '22222222-2222-4222-8222-222222222222';
const MH = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const CX = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const RW = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

const MH_V1: ProcessingActivityDto = {
  id: `urn:casustafel:verwerking:${MH}:v1`,
  activityKey: MH,
  version: 1,
  table: { id: T_MH, name: 'Mensenhandel' },
  name: 'Casusoverleg Mensenhandel',
  purpose: 'Eerste omschrijving.',
  legalGrounds: ['WGS'],
  controllers: 'De partners van het convenant.',
  dataCategories: ['C1'],
  subjectCategories: ['SLACHTOFFER'],
  retention: 'Vijf jaar.',
  validFrom: '2026-01-05T09:00:00.000Z',
  validUntil: '2026-03-01T10:30:00.000Z',
};
const MH_V2: ProcessingActivityDto = {
  ...MH_V1,
  id: `urn:casustafel:verwerking:${MH}:v2`,
  version: 2,
  purpose: 'Gezamenlijke aanpak van signalen van mensenhandel.',
  legalGrounds: ['WGS', 'AVG_9_2'],
  dataCategories: ['C1', 'C13'],
  subjectCategories: ['SLACHTOFFER', 'VERDACHTE'],
  retention: 'Tot 60 maanden na afsluiting van de casus.',
  validFrom: '2026-03-01T10:30:00.000Z',
  validUntil: null,
};
const COMPLEX: ProcessingActivityDto = {
  ...MH_V1,
  id: 'urn:casustafel:verwerking:gooi-en-vechtstreek:complexe-casuistiek:v1',
  activityKey: CX,
  table: { id: T_CX, name: 'Complexe casuïstiek' },
  name: 'Casusoverleg Complexe casuïstiek',
  validUntil: null,
};
const REGION_WIDE: ProcessingActivityDto = {
  ...MH_V1,
  id: `urn:casustafel:verwerking:${RW}:v1`,
  activityKey: RW,
  table: null,
  name: 'Toegang en beveiliging',
  validUntil: null,
};
/** As the API lists them: in force first, then the ended versions. */
const REGISTER = [COMPLEX, MH_V2, REGION_WIDE, MH_V1];

const TABLES: CaseTableAdminDto[] = [
  { id: T_MH, name: 'Mensenhandel', theme: 'MENSENHANDEL', active: true, memberships: [] },
];

const CONFLICT = { type: 'urn:casustafel:problem:conflict', title: 'Conflicting change', status: 409 };

function session(permissions: Permission[]): SessionResponse {
  return {
    user: { id: 'u1', displayName: 'Bas Beheer (fictief)', email: 'b@x.example', isDemo: true },
    organisation: { id: 'o1', name: 'ZVH Demo', partnerType: 'ZVH' },
    // Beheerder at Mensenhandel only: the activity of Complexe casuïstiek is not theirs to change.
    roles: [{ tableId: T_MH, tableName: 'Mensenhandel', role: 'BEHEERDER' }],
    permissions,
    idleExpiresAt: '2026-01-01T00:30:00Z',
    absoluteExpiresAt: '2026-01-01T12:00:00Z',
  };
}

const FG: Permission[] = ['account.manage', 'register.read'];
const BEHEERDER: Permission[] = ['account.manage', 'admin.read', 'tables.configure', 'register.read'];

describe('RegisterPage', () => {
  let fixture: ComponentFixture<RegisterPage>;
  let root: HTMLElement;
  let http: HttpTestingController;

  async function open(permissions: Permission[]): Promise<void> {
    TestBed.configureTestingModule({
      imports: [RegisterPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18n()],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    const loaded = TestBed.inject(SessionStore).load(true);
    http.expectOne(`${AUTH_URL}/session`).flush(session(permissions));
    await loaded;
    fixture = TestBed.createComponent(RegisterPage);
    root = fixture.nativeElement;
    document.body.appendChild(root);
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: REGISTER_URL }).flush(REGISTER);
    if (permissions.includes('tables.configure')) {
      http.expectOne({ method: 'GET', url: `${ADMIN_URL}/tables` }).flush(TABLES);
    }
    await fixture.whenStable();
  }

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

  function activity(name: string): HTMLElement {
    const match = [...root.querySelectorAll<HTMLElement>('[data-testid="register-activity"]')].find(
      (section) => section.querySelector('h2')?.textContent?.trim() === name,
    );
    if (!match) {
      throw new Error(`No activity ${name}`);
    }
    return match;
  }

  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  /** The facts of an activity as term → description, list items joined with ` | `. */
  function facts(section: HTMLElement): Record<string, string> {
    return Object.fromEntries(
      [...section.querySelectorAll('dl > div')].map((item) => {
        const items = [...item.querySelectorAll('dd li')].map(text);
        return [
          text(item.querySelector('dt')),
          items.length ? items.join(' | ') : text(item.querySelector('dd')),
        ];
      }),
    );
  }

  function type(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
    element.value = value;
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
  }

  async function click(element: HTMLElement): Promise<void> {
    element.click();
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    find('[data-testid="activity-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  it('shows the FG every activity in force with its facts and earlier versions, and nothing to change', async () => {
    await open(FG);

    expect([...root.querySelectorAll('[data-testid="register-activity"] h2')].map(text)).toEqual([
      'Casusoverleg Complexe casuïstiek',
      'Casusoverleg Mensenhandel',
      'Toegang en beveiliging',
    ]);
    const mensenhandel = activity('Casusoverleg Mensenhandel');
    expect(facts(mensenhandel)).toEqual({
      Casustafel: 'Mensenhandel',
      Identificatie: `${MH_V2.id} (versie 2)`,
      'Geldig vanaf': expect.stringMatching(/^1-3-2026 \d\d:30$/),
      Doel: 'Gezamenlijke aanpak van signalen van mensenhandel.',
      Grondslagen:
        'Wet gegevensverwerking samenwerkingsverbanden (WGS) | AVG art. 9 lid 2 (uitzondering bijzondere persoonsgegevens)',
      Verwerkingsverantwoordelijken: 'De partners van het convenant.',
      'Categorieën persoonsgegevens': 'Identificatie | Signalen mensenhandel',
      'Categorieën betrokkenen': 'Slachtoffer | Verdachte',
      Bewaartermijn: 'Tot 60 maanden na afsluiting van de casus.',
    });
    expect(facts(activity('Toegang en beveiliging'))['Casustafel']).toBe('Regiobreed');

    const earlier = mensenhandel.querySelector('details');
    expect(text(earlier?.querySelector('summary') ?? null)).toBe('Eerdere versies (1)');
    expect([...(earlier?.querySelectorAll('li > div') ?? [])].map(text)).toEqual([
      'Versie 1: Casusoverleg Mensenhandel',
      `Identificatie: ${MH_V1.id}`,
      expect.stringMatching(/^Gold van 5-1-2026 \d\d:00 tot 1-3-2026 \d\d:30$/),
    ]);
    expect(activity('Toegang en beveiliging').querySelector('details')).toBeNull();

    expect(root.querySelectorAll('button')).toHaveLength(0);
  });

  it('lets the beheerder change only the activities of their tables and the region-wide ones', async () => {
    await open(BEHEERDER);

    expect(button('Verwerking toevoegen')).toBeTruthy();
    expect(activity('Casusoverleg Mensenhandel').querySelector('button')?.getAttribute('aria-label')).toBe(
      'Nieuwe versie vastleggen van Casusoverleg Mensenhandel',
    );
    expect(activity('Toegang en beveiliging').querySelector('button')).not.toBeNull();
    expect(activity('Casusoverleg Complexe casuïstiek').querySelector('button')).toBeNull();
  });

  it('registers a new version based on the one in force, which moves to the earlier versions', async () => {
    await open(BEHEERDER);
    const trigger = button('Nieuwe versie vastleggen van Casusoverleg Mensenhandel');
    await click(trigger);

    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(find('#activity-form-heading'));
    expect(text(find('#activity-form-heading'))).toBe('Nieuwe versie van Casusoverleg Mensenhandel');
    expect(
      activity('Casusoverleg Mensenhandel').querySelector('[data-testid="activity-form"]'),
    ).not.toBeNull();
    expect(root.querySelector('#activity-table')).toBeNull();
    expect(find<HTMLTextAreaElement>('#activity-purpose').value).toBe(MH_V2.purpose);
    expect(find<HTMLInputElement>('#activity-legal-grounds-AVG_9_2').checked).toBe(true);
    expect(find<HTMLInputElement>('#activity-data-categories-C13').checked).toBe(true);
    expect(find<HTMLInputElement>('#activity-subject-categories-GETUIGE').checked).toBe(false);

    type(find('#activity-purpose'), '  Aanpak van mensenhandel, ook arbeidsuitbuiting. ');
    await click(find('#activity-subject-categories-GETUIGE'));
    await submit();

    const request = http.expectOne({ method: 'POST', url: `${REGISTER_URL}/${MH}/versions` });
    expect(request.request.body).toEqual({
      name: MH_V2.name,
      purpose: 'Aanpak van mensenhandel, ook arbeidsuitbuiting.',
      legalGrounds: ['AVG_9_2', 'WGS'],
      controllers: MH_V2.controllers,
      dataCategories: ['C1', 'C13'],
      subjectCategories: ['SLACHTOFFER', 'VERDACHTE', 'GETUIGE'],
      retention: MH_V2.retention,
      basedOn: MH_V2.id,
    });
    const v3: ProcessingActivityDto = {
      ...MH_V2,
      ...request.request.body,
      id: `urn:casustafel:verwerking:${MH}:v3`,
      version: 3,
      validFrom: '2026-04-01T08:00:00.000Z',
    };
    delete (v3 as Partial<{ basedOn: string }>).basedOn;
    request.flush(v3, { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    expect(text(find('[role="status"]'))).toContain(
      `Versie 3 van Casusoverleg Mensenhandel is vastgelegd onder ${v3.id}.`,
    );
    expect(document.activeElement).toBe(find('[data-testid="admin-notice"]'));
    expect(root.querySelector('[data-testid="activity-form"]')).toBeNull();
    const mensenhandel = activity('Casusoverleg Mensenhandel');
    expect(facts(mensenhandel)['Identificatie']).toBe(`${v3.id} (versie 3)`);
    expect(facts(mensenhandel)['Categorieën betrokkenen']).toBe('Slachtoffer | Verdachte | Getuige');
    const earlier = mensenhandel.querySelector('details');
    expect(text(earlier?.querySelector('summary') ?? null)).toBe('Eerdere versies (2)');
    expect([...(earlier?.querySelectorAll('code') ?? [])].map(text)).toEqual([MH_V2.id, MH_V1.id]);
  });

  it('on a newer version by someone else explains it, reloads and offers the newest version', async () => {
    await open(BEHEERDER);
    await click(button('Nieuwe versie vastleggen van Casusoverleg Mensenhandel'));
    type(find('#activity-retention'), 'Drie jaar.');
    await submit();
    http
      .expectOne({ method: 'POST', url: `${REGISTER_URL}/${MH}/versions` })
      .flush(
        { ...CONFLICT, detail: 'The processing activity has a newer version than the one you changed.' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();

    const theirs: ProcessingActivityDto = {
      ...MH_V2,
      id: `urn:casustafel:verwerking:${MH}:v3`,
      version: 3,
      purpose: 'Door een collega aangepast.',
      validFrom: '2026-03-20T08:00:00.000Z',
    };
    http
      .expectOne({ method: 'GET', url: REGISTER_URL })
      .flush([COMPLEX, theirs, REGION_WIDE, { ...MH_V2, validUntil: theirs.validFrom }, MH_V1]);
    await fixture.whenStable();

    expect(text(find('[role="alert"]'))).toContain(
      'Iemand anders heeft intussen een nieuwere versie van deze verwerking vastgelegd.',
    );
    expect(document.activeElement).toBe(find('[data-testid="admin-notice"]'));
    expect(text(find('#activity-form-panel'))).toContain(`versie 3 (${theirs.id})`);
    expect(find<HTMLTextAreaElement>('#activity-purpose').value).toBe('Door een collega aangepast.');
    expect(find<HTMLTextAreaElement>('#activity-retention').value).toBe(MH_V2.retention);

    type(find('#activity-retention'), 'Drie jaar.');
    await submit();
    const retry = http.expectOne({ method: 'POST', url: `${REGISTER_URL}/${MH}/versions` });
    expect(retry.request.body).toMatchObject({ retention: 'Drie jaar.', basedOn: theirs.id });
    retry.flush({ ...theirs, id: `urn:casustafel:verwerking:${MH}:v4`, version: 4, retention: 'Drie jaar.' });
    await fixture.whenStable();
    expect(text(find('[role="status"]'))).toContain('Versie 4 van Casusoverleg Mensenhandel is vastgelegd');
  });

  it('adds an activity: checks the form first, then shows the server problems at their fields', async () => {
    await open(BEHEERDER);
    await click(button('Verwerking toevoegen'));
    expect(document.activeElement).toBe(find('#activity-form-heading'));
    expect([...find<HTMLSelectElement>('#activity-table').options].map((o) => o.textContent?.trim())).toEqual(
      ['Regiobreed (geen casustafel)', 'Mensenhandel'],
    );

    type(find('#activity-name'), '   ');
    await submit();
    expect(text(find('#activity-name-error'))).toContain('Vul dit veld in.');
    expect(text(find('#activity-legal-grounds-error'))).toContain('Kies er minstens één.');
    expect(text(find('#activity-retention-error'))).toContain('Vul dit veld in.');
    expect(document.activeElement).toBe(find('#activity-name'));
    http.expectNone({ method: 'POST' });

    type(find('#activity-table'), T_MH);
    type(find('#activity-name'), 'Signalering mensenhandel');
    type(find('#activity-purpose'), 'Signalen vastleggen.');
    await click(find('#activity-legal-grounds-WGS'));
    type(find('#activity-controllers'), 'Het Zorg- en Veiligheidshuis.');
    await click(find('#activity-data-categories-C13'));
    await click(find('#activity-subject-categories-SLACHTOFFER'));
    type(find('#activity-retention'), 'Twee jaar.');
    await submit();

    const post = http.expectOne({ method: 'POST', url: REGISTER_URL });
    expect(post.request.body).toEqual({
      tableId: T_MH,
      name: 'Signalering mensenhandel',
      purpose: 'Signalen vastleggen.',
      legalGrounds: ['WGS'],
      controllers: 'Het Zorg- en Veiligheidshuis.',
      dataCategories: ['C13'],
      subjectCategories: ['SLACHTOFFER'],
      retention: 'Twee jaar.',
    });
    post.flush(
      {
        type: 'urn:casustafel:problem:validation',
        title: 'Bad Request',
        status: 400,
        errors: [
          { field: 'purpose', code: 'isLength', message: 'too long' },
          { field: 'tableId', code: 'unknownTable', message: 'is not a table you administer' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(text(find('#activity-table-error'))).toContain('Kies een casustafel die u beheert.');
    expect(text(find('#activity-purpose-error'))).toContain('Beschrijf het doel in hoogstens 4000 tekens.');
    expect(find('#activity-purpose').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(find('#activity-table'));

    type(find('#activity-table'), '');
    await submit();
    const again = http.expectOne({ method: 'POST', url: REGISTER_URL });
    expect(again.request.body).toMatchObject({ tableId: null });
    again.flush(
      {
        ...again.request.body,
        id: 'urn:casustafel:verwerking:dddddddd-dddd-4ddd-8ddd-dddddddddddd:v1',
        activityKey: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
        version: 1,
        table: null,
        validFrom: '2026-04-01T08:00:00.000Z',
        validUntil: null,
      },
      { status: 201, statusText: 'Created' },
    );
    await fixture.whenStable();
    expect(text(find('[role="status"]'))).toContain(
      'De verwerking Signalering mensenhandel is vastgelegd onder urn:casustafel:verwerking:dddddddd',
    );
    expect(facts(activity('Signalering mensenhandel'))['Casustafel']).toBe('Regiobreed');
  });

  it('returns focus to the button that opened the form when cancelling', async () => {
    await open(BEHEERDER);
    await click(button('Nieuwe versie vastleggen van Toegang en beveiliging'));
    await click(button('Annuleren'));
    expect(root.querySelector('[data-testid="activity-form"]')).toBeNull();
    expect(document.activeElement).toBe(button('Nieuwe versie vastleggen van Toegang en beveiliging'));

    await click(button('Verwerking toevoegen'));
    await click(button('Annuleren'));
    expect(document.activeElement).toBe(button('Verwerking toevoegen'));
  });
});
