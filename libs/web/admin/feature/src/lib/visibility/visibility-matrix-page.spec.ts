import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type {
  PutVisibilityMatrixRequest,
  SessionResponse,
  VisibilityMatrixDto,
  VisibilityMatrixHistoryEntry,
  VisibilityRule,
} from '@casustafel/shared/contracts';
import { SessionStore } from '@casustafel/web/auth/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { CELLS } from './matrix-draft';
import { VisibilityMatrixPage } from './visibility-matrix-page';

const TABLE_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const URL = `/api/tables/${TABLE_ID}/visibility`;

function rules(overrides: Record<string, VisibilityRule['level']> = {}): VisibilityRule[] {
  return CELLS.map(({ key, category, partnerType }) => ({
    category,
    partnerType,
    level: overrides[key] ?? 'SUMMARY',
  }));
}

const MATRIX: VisibilityMatrixDto = {
  tableId: TABLE_ID,
  version: 2,
  rules: rules({ 'C4:POLITIE': 'NONE', 'C1:ZVH': 'FULL' }),
  embargoPartnerTypes: ['POLITIE', 'OM', 'NLA_KMAR'],
  extractFourEyes: true,
  changedAt: '2026-03-02T09:15:00.000Z',
  changedBy: 'Bea Beheer (fictief)',
  reason: 'Advies FG',
};
const HISTORY: VisibilityMatrixHistoryEntry[] = [
  { version: 2, changedAt: MATRIX.changedAt, changedBy: MATRIX.changedBy, reason: 'Advies FG', changes: 2 },
  {
    version: 1,
    changedAt: '2026-01-01T00:00:00.000Z',
    changedBy: null,
    reason: 'Beginstand DOMAIN b.4',
    changes: 240,
  },
];

describe('VisibilityMatrixPage', () => {
  let fixture: ComponentFixture<VisibilityMatrixPage>;
  let root: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    const session = {
      roles: [{ tableId: TABLE_ID, tableName: 'Mensenhandel', role: 'BEHEERDER' }],
      permissions: ['tables.configure'],
    } as unknown as SessionResponse;
    TestBed.configureTestingModule({
      imports: [VisibilityMatrixPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        provideRouter([]),
        { provide: SessionStore, useValue: { session: signal(session) } },
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(VisibilityMatrixPage);
    fixture.componentRef.setInput('tableId', TABLE_ID);
    root = fixture.nativeElement;
    document.body.appendChild(root);
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: URL }).flush(MATRIX);
    http.expectOne({ method: 'GET', url: `${URL}/history` }).flush(HISTORY);
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

  function text(selector: string): string {
    return find(selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** The accessible name from `aria-labelledby`, as a screen reader computes it. */
  function nameOf(element: Element): string {
    return (element.getAttribute('aria-labelledby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? `#${id}?`)
      .join(' ');
  }

  function cell(name: string): HTMLSelectElement {
    const match = [...root.querySelectorAll('select')].find((s) => nameOf(s) === name);
    if (!match) {
      throw new Error(`No cell named ${name}`);
    }
    return match;
  }

  /** Opens a partner type in the editor, as the partner type selector does. */
  async function editPartner(partnerType: string): Promise<void> {
    const select = find<HTMLSelectElement>('#visibility-partner');
    select.value = partnerType;
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  /** The text of the overview's cell of a partner type (row) and a category (column). */
  function overview(partnerLabel: string, category: string): HTMLTableCellElement {
    const table = find<HTMLTableElement>('[data-testid="visibility-overview"]');
    const column = [...(table.tHead?.rows[0].cells ?? [])].findIndex((th) =>
      th.textContent?.trim().startsWith(`${category} `),
    );
    const row = [...table.tBodies[0].rows].find((tr) =>
      tr.cells[0].textContent?.trim().startsWith(partnerLabel),
    );
    if (!row || column < 0) {
      throw new Error(`No overview cell ${partnerLabel} / ${category}`);
    }
    return row.cells[column];
  }

  async function choose(select: HTMLSelectElement, value: string): Promise<void> {
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  async function type(selector: string, value: string): Promise<void> {
    const element = find<HTMLTextAreaElement>(selector);
    element.value = value;
    element.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    find('[data-testid="visibility-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  function button(name: string): HTMLButtonElement {
    const match = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    if (!match) {
      throw new Error(`No button named ${name}`);
    }
    return match;
  }

  it('edits one partner type at a time, each cell a select named "category × partner type"', async () => {
    expect(text('h1')).toBe('Zichtbaarheid aan Mensenhandel');
    const editor = () => root.querySelectorAll('[data-testid="visibility-editor"] select');
    expect(editor()).toHaveLength(15);
    expect(cell('Identificatie × Zorg- en Veiligheidshuis').value).toBe('FULL');
    expect(cell('BSN × Zorg- en Veiligheidshuis').value).toBe('SUMMARY');
    const options = [...cell('BSN × Zorg- en Veiligheidshuis').options].map((o) => o.textContent?.trim());
    expect(options).toEqual(['Volledig', 'Samenvatting', 'Alleen eigen', 'Geen']);

    await editPartner('POLITIE');
    expect(editor()).toHaveLength(15);
    expect(text('[data-testid="visibility-editor"] caption')).toBe('Wat Politie ziet, per categorie');
    expect(cell('Zorg en gezondheid × Politie').value).toBe('NONE');
    expect(() => cell('BSN × Zorg- en Veiligheidshuis')).toThrow();

    expect(root.querySelectorAll('.cst-matrix__cell--changed')).toHaveLength(0);
    expect(text('[data-testid="visibility-explanation"]')).toContain('andere zien zelfs geen samenvatting');
    expect(text('[data-testid="visibility-current"]')).toContain('Huidige versie: 2');
  });

  it('shows the whole matrix in the overview and opens a row in the editor from there', async () => {
    const body = find<HTMLTableElement>('[data-testid="visibility-overview"]').tBodies[0];
    expect(body.rows).toHaveLength(16);
    expect([...body.rows].every((row) => row.cells.length === 16)).toBe(true);
    expect(overview('Politie', 'C4').textContent?.trim()).toBe('Geen');
    expect(overview('Zorg- en Veiligheidshuis', 'C1').textContent?.trim()).toBe('Volledig');
    expect(overview('Woningcorporatie', 'C14').textContent?.trim()).toBe('Samenvatting');

    const button = overview('Veilig Thuis', 'C1').closest('tr')?.querySelector('button');
    expect(button?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Veilig Thuis wijzigen');
    button?.click();
    await fixture.whenStable();
    expect(find<HTMLSelectElement>('#visibility-partner').value).toBe('VEILIG_THUIS');
    expect(document.activeElement?.id).toBe('visibility-partner');
    expect(cell('Casuskern × Veilig Thuis').value).toBe('SUMMARY');
  });

  it('ticks the current embargo whitelist and lists the history, newest first', () => {
    const ticked = [...root.querySelectorAll<HTMLInputElement>('[id^="visibility-embargo-"]')]
      .filter((box) => box.checked)
      .map((box) => box.id);
    expect(ticked).toEqual([
      'visibility-embargo-POLITIE',
      'visibility-embargo-OM',
      'visibility-embargo-NLA_KMAR',
    ]);
    const entries = [...root.querySelectorAll('[data-testid="visibility-history"] li')].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain('Versie 2');
    expect(entries[0]).toContain('Bea Beheer (fictief)');
    expect(entries[0]).toContain('Advies FG');
    expect(entries[0]).toContain('2 cellen gewijzigd');
    expect(entries[1]).toContain('het systeem (beginstand)');
    expect(entries[1]).toContain('Beginstand');
  });

  it('marks a changed cell with its old level in the editor and the overview, and unmarks it when changed back', async () => {
    await editPartner('POLITIE');
    const select = cell('Zorg en gezondheid × Politie');
    await choose(select, 'SUMMARY');
    const td = select.closest('td');
    expect(td?.classList).toContain('cst-matrix__cell--changed');
    const was = document.getElementById(select.getAttribute('aria-describedby') ?? '');
    expect(was?.textContent?.trim()).toBe('was: Geen');
    expect(text('[data-testid="visibility-summary"]')).toBe('1 cel gewijzigd.');
    const shown = overview('Politie', 'C4');
    expect(shown.classList).toContain('cst-matrix__cell--changed');
    expect(shown.textContent?.replace(/\s+/g, ' ').trim()).toBe('Samenvatting was: Geen');

    await choose(cell('BSN × Politie'), 'FULL');
    expect(text('[data-testid="visibility-summary"]')).toBe('2 cellen gewijzigd.');
    const politie = [...find<HTMLSelectElement>('#visibility-partner').options].find(
      (o) => o.value === 'POLITIE',
    );
    expect(politie?.textContent?.trim()).toBe('Politie (2 cellen gewijzigd)');

    // Another partner type and back: the draft stays.
    await editPartner('OM');
    await choose(cell('BSN × Openbaar Ministerie'), 'NONE');
    await editPartner('POLITIE');
    expect(cell('Zorg en gezondheid × Politie').value).toBe('SUMMARY');
    expect(text('[data-testid="visibility-summary"]')).toBe('3 cellen gewijzigd.');

    await choose(cell('Zorg en gezondheid × Politie'), 'NONE');
    expect(cell('Zorg en gezondheid × Politie').closest('td')?.classList).not.toContain(
      'cst-matrix__cell--changed',
    );
    expect(cell('Zorg en gezondheid × Politie').getAttribute('aria-describedby')).toBeNull();
    expect(overview('Politie', 'C4').classList).not.toContain('cst-matrix__cell--changed');
    expect(text('[data-testid="visibility-summary"]')).toBe('2 cellen gewijzigd.');

    button('Wijzigingen ongedaan maken').click();
    await fixture.whenStable();
    expect(cell('BSN × Politie').value).toBe('SUMMARY');
    expect(overview('Openbaar Ministerie', 'C1B').textContent?.trim()).toBe('Samenvatting');
    expect(text('[data-testid="visibility-summary"]')).toBe('Nog geen cellen gewijzigd.');
  });

  it('saves nothing without a change or without a reason', async () => {
    await type('#visibility-reason', 'Advies FG');
    await submit();
    expect(text('[data-testid="admin-notice"]')).toContain('Er is nog niets gewijzigd.');
    http.expectNone({ method: 'PUT' });

    await type('#visibility-reason', '   ');
    await editPartner('COMENSHA');
    await choose(cell('Plan en acties × CoMensha'), 'NONE');
    await submit();
    expect(text('#visibility-reason-error')).toContain('Vul een reden in.');
    expect(document.activeElement?.id).toBe('visibility-reason');
    http.expectNone({ method: 'PUT' });
  });

  it('saves the whole matrix with the version read, the whitelist and the reason, then shows the new history', async () => {
    await editPartner('POLITIE');
    await choose(cell('Zorg en gezondheid × Politie'), 'SUMMARY');
    find<HTMLInputElement>('#visibility-embargo-IND').click();
    await fixture.whenStable();
    expect(text('[data-testid="visibility-summary"]')).toBe('1 cel gewijzigd. De embargolijst is gewijzigd.');
    await type('#visibility-reason', '  Besluit stuurgroep maart 2026 ');
    await submit();

    const put = http.expectOne({ method: 'PUT', url: URL });
    const body = put.request.body as PutVisibilityMatrixRequest;
    expect(body.version).toBe(2);
    expect(body.reason).toBe('Besluit stuurgroep maart 2026');
    expect(body.embargoPartnerTypes).toEqual(['POLITIE', 'OM', 'IND', 'NLA_KMAR']);
    expect(body.rules).toHaveLength(240);
    expect(body.rules).toEqual(rules({ 'C1:ZVH': 'FULL' }));

    const next: VisibilityMatrixDto = {
      ...MATRIX,
      version: 3,
      rules: body.rules,
      embargoPartnerTypes: body.embargoPartnerTypes,
      reason: body.reason,
    };
    put.flush(next);
    await fixture.whenStable();
    http
      .expectOne({ method: 'GET', url: `${URL}/history` })
      .flush([{ ...HISTORY[0], version: 3, reason: body.reason, changes: 1 }, ...HISTORY]);
    await fixture.whenStable();

    expect(text('[data-testid="admin-notice"]')).toContain('Versie 3 van de matrix is opgeslagen.');
    expect(root.querySelectorAll('.cst-matrix__cell--changed')).toHaveLength(0);
    expect(cell('Zorg en gezondheid × Politie').value).toBe('SUMMARY');
    expect(find<HTMLTextAreaElement>('#visibility-reason').value).toBe('');
    const first = root.querySelector('[data-testid="visibility-history"] li')?.textContent ?? '';
    expect(first).toContain('Versie 3');
    expect(first).toContain('Besluit stuurgroep maart 2026');
    expect(first).toContain('1 cel gewijzigd');
  });

  it('saves the four-eyes setting for extracts as a change of its own (issue 7)', async () => {
    const box = find<HTMLInputElement>('#visibility-four-eyes');
    expect(box.checked).toBe(true);
    expect(box.getAttribute('aria-describedby')).toBe('visibility-four-eyes-hint');
    box.click();
    await fixture.whenStable();
    expect(text('[data-testid="visibility-summary"]')).toBe(
      'Nog geen cellen gewijzigd. De instelling vier ogen voor uittreksels is gewijzigd.',
    );
    await type('#visibility-reason', 'Kleine tafel: één voorzitter (fictief)');
    await submit();
    const put = http.expectOne({ method: 'PUT', url: URL });
    const body = put.request.body as PutVisibilityMatrixRequest;
    expect(body.extractFourEyes).toBe(false);
    expect(body.rules).toEqual(MATRIX.rules);
    put.flush({ ...MATRIX, version: 3, extractFourEyes: false, reason: body.reason });
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: `${URL}/history` }).flush(HISTORY);
    await fixture.whenStable();
    expect(find<HTMLInputElement>('#visibility-four-eyes').checked).toBe(false);
  });

  it('explains a stale version (409), does not save again, and reloads on request', async () => {
    await editPartner('POLITIE');
    await choose(cell('Zorg en gezondheid × Politie'), 'FULL');
    await type('#visibility-reason', 'Advies FG');
    await submit();
    http
      .expectOne({ method: 'PUT', url: URL })
      .flush({ status: 409, title: 'Conflict' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(text('[data-testid="visibility-conflict"]')).toContain(
      'Iemand anders heeft de matrix intussen gewijzigd.',
    );
    expect(document.activeElement?.id).toBe('visibility-conflict');
    await submit();
    http.expectNone({ method: 'PUT' });

    button('Matrix opnieuw laden').click();
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: URL }).flush({ ...MATRIX, version: 3, rules: rules() });
    http.expectOne({ method: 'GET', url: `${URL}/history` }).flush(HISTORY);
    await fixture.whenStable();

    expect(root.querySelector('[data-testid="visibility-conflict"]')).toBeNull();
    expect(cell('Zorg en gezondheid × Politie').value).toBe('SUMMARY');
    expect(root.querySelectorAll('.cst-matrix__cell--changed')).toHaveLength(0);
    expect(text('[data-testid="admin-notice"]')).toContain('opnieuw geladen (versie 3)');
    // The reason typed stays, for the second attempt.
    expect(find<HTMLTextAreaElement>('#visibility-reason').value).toBe('Advies FG');
  });

  it('shows a refused reason (400) at the field and other problems in the alert', async () => {
    await editPartner('POLITIE');
    await choose(cell('Zorg en gezondheid × Politie'), 'FULL');
    await type('#visibility-reason', 'Advies FG');
    await submit();
    http.expectOne({ method: 'PUT', url: URL }).flush(
      {
        status: 400,
        title: 'Bad Request',
        errors: [
          { field: 'reason', code: 'isNotBlank', message: 'reason must not be blank' },
          { field: 'rules', code: 'incompleteMatrix', message: '1 cells are missing' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(text('#visibility-reason-error')).toContain('Vul een reden in van hoogstens 1000 tekens.');
    expect(document.activeElement?.id).toBe('visibility-reason');
    expect(text('[data-testid="admin-notice"]')).toContain('Niet alles is goed ingevuld:');
  });
});
