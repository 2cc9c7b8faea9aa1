import { ExtractDocuments, extractJson, type ExtractContent } from './extract-documents';
import { amsterdamDay, isExpired } from './extracts.service';

const CONTENT: ExtractContent = {
  number: 'UT-2026-0001',
  issuedAt: new Date('2026-11-26T10:00:00Z'),
  caseNumber: 'MH-2026-0007',
  from: 'Zorg- en Veiligheidshuis (fictief)',
  recipient: 'Openbaar Ministerie (fictief)',
  purpose: 'Beoordeling vervolging (fictief)',
  legalGround: 'WJSG_AANWIJZING',
  legalReference: '',
  expiresOn: '2026-12-31',
  supersedes: null,
  items: [
    {
      mode: 'FULL',
      category: 'C1',
      authorOrganisation: 'Politie (fictief)',
      createdAt: new Date('2026-11-01T09:00:00Z'),
      title: 'Identificatie (fictief)',
      body: 'Przykład łódź (fictief)',
    },
    {
      mode: 'CATEGORY_SUMMARY',
      category: 'C4',
      authorOrganisation: 'GGZ (fictief)',
      createdAt: new Date('2026-11-02T09:00:00Z'),
    },
  ],
};

describe('extract documents', () => {
  it('gives the same bytes and hashes for the same content at the same moment', async () => {
    const documents = new ExtractDocuments();
    const a = await documents.generate(CONTENT);
    const b = await documents.generate(CONTENT);
    expect(a.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(a.pdfSha256.equals(b.pdfSha256)).toBe(true);
    expect(a.jsonSha256.equals(b.jsonSha256)).toBe(true);
    expect(a.pdfSha256).toHaveLength(32);
  });

  it('carries for a category summary only the category, its code, author and date — no title or body', () => {
    const json = extractJson(CONTENT) as { items: Array<Record<string, unknown>> };
    expect(json.items[0]).toMatchObject({ mode: 'FULL', title: 'Identificatie (fictief)' });
    expect(Object.keys(json.items[1]).sort()).toEqual(
      ['authorOrganisation', 'category', 'categoryLabel', 'createdAt', 'mode', 'summary'].sort(),
    );
    expect(json.items[1]['summary']).toBe('ZORGPARTNER_BETROKKEN');
  });

  it('counts an extract valid through its expiry day, Dutch time', () => {
    expect(amsterdamDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(isExpired('2026-12-31', new Date('2026-12-31T22:30:00Z'))).toBe(false);
    expect(isExpired('2026-12-31', new Date('2026-12-31T23:30:00Z'))).toBe(true);
    expect(isExpired(null, new Date('2099-01-01T00:00:00Z'))).toBe(false);
  });
});
