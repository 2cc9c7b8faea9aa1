import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  CATEGORY_NL,
  DAY_NL,
  PDF_GREY,
  TIME_NL,
  isoDay,
  pdfLine as line,
  pdfNote as note,
  renderConfidentialPdf,
} from '@casustafel/api/rights';
import {
  CATEGORY_SUMMARIES,
  type DataCategory,
  type ExtractItemMode,
  type LegalGround,
} from '@casustafel/shared/contracts';

/** One item as it goes out: its content (FULL), or only that there is something of its category. */
export type ExtractContentItem =
  | {
      mode: Extract<ExtractItemMode, 'FULL'>;
      category: DataCategory;
      authorOrganisation: string;
      createdAt: Date;
      title: string;
      body: string;
    }
  | {
      mode: Extract<ExtractItemMode, 'CATEGORY_SUMMARY'>;
      category: DataCategory;
      authorOrganisation: string;
      createdAt: Date;
    };

/** Everything an extract's documents say; the PDF and the JSON carry the same content. */
export interface ExtractContent {
  number: string;
  issuedAt: Date;
  caseNumber: string;
  from: string;
  recipient: string;
  purpose: string;
  legalGround: LegalGround;
  legalReference: string;
  expiresOn: string | null;
  supersedes: string | null;
  items: ExtractContentItem[];
}

export interface ExtractFiles {
  pdf: Buffer;
  json: Buffer;
  pdfSha256: Buffer;
  jsonSha256: Buffer;
}

/** Dutch names of the legal grounds, as the recipient reads them. */
export const LEGAL_GROUND_NL: Record<LegalGround, string> = {
  AVG_6_1_C: 'AVG art. 6 lid 1 sub c (wettelijke verplichting)',
  AVG_6_1_E: 'AVG art. 6 lid 1 sub e (taak van algemeen belang)',
  AVG_9_2: 'AVG art. 9 lid 2 (bijzondere persoonsgegevens)',
  WGS: 'Wet gegevensverwerking door samenwerkingsverbanden',
  WPG: 'Wet politiegegevens',
  WJSG_AANWIJZING: 'Wet justitiële en strafvorderlijke gegevens (Aanwijzing Wjsg)',
  BEROEPSGEHEIM_TOESTEMMING: 'Doorbreking beroepsgeheim met toestemming',
  CONFLICT_VAN_PLICHTEN: 'Conflict van plichten',
  JEUGDWET: 'Jeugdwet',
  WMO: 'Wet maatschappelijke ondersteuning',
  OTHER: 'Andere grondslag',
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();

/**
 * The documents of an extract (ADR 0022, 0024), generated once at issue: a PDF (A4, embedded DejaVu
 * Sans, header "Vertrouwelijk — uittreksel voor <organisatie>", a watermark with the recipient and
 * the number on every page, "pagina x van y") and a JSON document of the same content, with the
 * SHA-256 of each. The document date is the issue time, so the same content gives the same bytes.
 * A provider of its own so a test can replace it with one that fails.
 */
@Injectable()
export class ExtractDocuments {
  async generate(content: ExtractContent): Promise<ExtractFiles> {
    const pdf = await renderExtractPdf(content);
    const json = Buffer.from(JSON.stringify(extractJson(content), null, 2), 'utf8');
    return { pdf, json, pdfSha256: sha256(pdf), jsonSha256: sha256(json) };
  }
}

/** The JSON version: the same content, fixed key order, codes next to their Dutch labels. */
export function extractJson(content: ExtractContent): Record<string, unknown> {
  return {
    type: 'casustafel.uittreksel',
    formatVersion: 1,
    number: content.number,
    issuedAt: content.issuedAt.toISOString(),
    caseNumber: content.caseNumber,
    from: content.from,
    recipient: content.recipient,
    purpose: content.purpose,
    legalGround: content.legalGround,
    legalGroundLabel: LEGAL_GROUND_NL[content.legalGround],
    legalReference: content.legalReference,
    expiresOn: content.expiresOn,
    supersedes: content.supersedes,
    items: content.items.map((item) =>
      item.mode === 'FULL'
        ? {
            mode: item.mode,
            category: item.category,
            categoryLabel: CATEGORY_NL[item.category],
            authorOrganisation: item.authorOrganisation,
            createdAt: item.createdAt.toISOString(),
            title: item.title,
            body: item.body,
          }
        : {
            mode: item.mode,
            category: item.category,
            categoryLabel: CATEGORY_NL[item.category],
            summary: CATEGORY_SUMMARIES[item.category],
            authorOrganisation: item.authorOrganisation,
            createdAt: item.createdAt.toISOString(),
          },
    ),
  };
}

export function renderExtractPdf(content: ExtractContent): Promise<Buffer> {
  return renderConfidentialPdf(
    {
      title: `Uittreksel ${content.number}`,
      date: content.issuedAt,
      watermark: { text: `VERTROUWELIJK — ${content.recipient} — ${content.number}`, size: 28 },
      footer: (page, count) =>
        `Uittreksel ${content.number} voor ${content.recipient} — vertrouwelijk — pagina ${page} van ${count}`,
    },
    (doc) => {
      header(doc, content);
      items(doc, content.items);
    },
  );
}

function header(doc: PDFKit.PDFDocument, c: ExtractContent): void {
  doc.font('Sans-Bold').fontSize(18).text(`Vertrouwelijk — uittreksel voor ${c.recipient}`);
  doc.moveDown(0.5);
  line(doc, `Uittreksel: ${c.number}`);
  line(doc, `Datum: ${TIME_NL.format(c.issuedAt)}`);
  line(doc, `Van: ${c.from} (casus ${c.caseNumber})`);
  line(doc, `Doel: ${c.purpose}`);
  line(
    doc,
    `Grondslag: ${LEGAL_GROUND_NL[c.legalGround]}${c.legalReference ? ` — ${c.legalReference}` : ''}`,
  );
  if (c.expiresOn) {
    line(doc, `Geldig tot en met: ${isoDay(c.expiresOn)}`);
  }
  if (c.supersedes) {
    line(doc, `Vervangt uittreksel: ${c.supersedes}`);
  }
  doc.moveDown(0.5);
  note(
    doc,
    'Dit uittreksel is uitsluitend bestemd voor de genoemde organisatie en het genoemde doel. ' +
      'Het bevat alleen de gegevens die voor dat doel nodig zijn; waar alleen een categorie staat, ' +
      'is de inhoud bewust niet verstrekt. Verdere verstrekking is niet toegestaan.',
  );
}

function items(doc: PDFKit.PDFDocument, list: ExtractContentItem[]): void {
  doc.moveDown(0.8).font('Sans-Bold').fontSize(15).text('Verstrekte gegevens').moveDown(0.3);
  for (const item of list) {
    const meta = `${CATEGORY_NL[item.category]} — ${item.authorOrganisation}, ${DAY_NL.format(item.createdAt)}`;
    if (item.mode === 'FULL') {
      doc.moveDown(0.4).font('Sans-Bold').fontSize(11).fillColor('black').text(item.title);
      doc.font('Sans').fontSize(9).fillColor(PDF_GREY).text(meta).fillColor('black');
      line(doc, item.body);
    } else {
      doc
        .moveDown(0.4)
        .font('Sans-Bold')
        .fontSize(11)
        .fillColor('black')
        .text(`Samenvatting: ${CATEGORY_NL[item.category]}`);
      doc.font('Sans').fontSize(9).fillColor(PDF_GREY).text(meta).fillColor('black');
      note(
        doc,
        `Er zijn gegevens in deze categorie (${CATEGORY_SUMMARIES[item.category]}); de inhoud is niet verstrekt.`,
      );
    }
  }
}
