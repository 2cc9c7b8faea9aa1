import PDFDocument from 'pdfkit';
import type { DataCategory, RightsTaskStatus, TableRole } from '@casustafel/shared/contracts';
import {
  ACTION_NL,
  CATEGORY_NL,
  OUTCOME_NL,
  PERSON_ROLE_NL,
  TABLE_ROLE_NL,
  TASK_STATUS_NL,
} from './inzage-labels';
import { useEmbeddedFonts } from './pdf-fonts';

export interface InzageItem {
  createdAt: Date;
  category: DataCategory;
  /** Null for an embargoed item: its title is for the organisation to release. */
  title: string | null;
}

export interface InzageCase {
  number: string;
  table: string;
  roles: string[];
  items: InzageItem[];
}

export interface InzageController {
  name: string;
  taskStatus: RightsTaskStatus;
  cases: InzageCase[];
}

export interface InzageAccess {
  occurredAt: Date;
  organisation: string | null;
  roles: TableRole[];
  action: string;
  outcome: string;
  category: string | null;
  authorisation: string | null;
  legalGround: string | null;
  breakGlass: boolean;
}

/** Everything the report shows; assembled by InzageReportService, rendered by `renderInzagePdf`. */
export interface InzageReport {
  number: string;
  receivedAt: string;
  generatedAt: Date;
  subject: { givenName: string; familyName: string; dateOfBirth: string; bsnGiven: boolean };
  controllers: InzageController[];
  access: { total: number; items: InzageAccess[] };
}

const MARGIN = 56;
const GREY = '#555555';
const TIME_NL = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const DAY_NL = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** `1990-03-07` as `07-03-1990`. */
function isoDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}-${m}-${y}`;
}

function categoryLabel(category: string | null): string {
  return category ? (CATEGORY_NL[category as DataCategory] ?? category) : '';
}

/**
 * The inzage report as a PDF (ADR 0022): A4, embedded DejaVu Sans (every name as written), a
 * "VERTROUWELIJK" watermark, "pagina x van y" and the request number on every page. The document
 * date is the generation time, so the same data at the same moment gives the same bytes.
 */
export function renderInzagePdf(report: InzageReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `Inzageoverzicht ${report.number}`,
      Author: 'Casustafel',
      Creator: 'Casustafel',
      Producer: 'Casustafel',
      CreationDate: report.generatedAt,
      ModDate: report.generatedAt,
    },
  });
  useEmbeddedFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  header(doc, report);
  controllers(doc, report.controllers);
  accessHistory(doc, report.access);
  pageFurniture(doc, report.number);
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, text: string, size = 13): void {
  doc.moveDown(0.8).font('Sans-Bold').fontSize(size).fillColor('black').text(text).moveDown(0.3);
  doc.font('Sans').fontSize(10);
}

function line(doc: PDFKit.PDFDocument, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  doc.font('Sans').fontSize(10).fillColor('black').text(text, options);
}

function note(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Sans-Oblique').fontSize(9).fillColor(GREY).text(text).fillColor('black');
  doc.font('Sans').fontSize(10);
}

function header(doc: PDFKit.PDFDocument, report: InzageReport): void {
  const { subject } = report;
  doc.font('Sans-Bold').fontSize(18).text('Vertrouwelijk — inzageoverzicht');
  doc.moveDown(0.5);
  line(doc, `Verzoek: ${report.number}, ontvangen op ${isoDay(report.receivedAt)}`);
  line(doc, `Overzicht gemaakt op: ${TIME_NL.format(report.generatedAt)}`);
  line(
    doc,
    `Betrokkene: ${subject.givenName} ${subject.familyName}, geboren ${isoDay(subject.dateOfBirth)}` +
      (subject.bsnGiven ? ' (BSN opgegeven en gecontroleerd; niet vermeld)' : ''),
  );
  doc.moveDown(0.5);
  note(
    doc,
    'Dit overzicht laat zien welke organisaties binnen het Zorg- en Veiligheidshuis gegevens over u ' +
      'vastleggen, in welke casussen en in welke categorieën, en wie die gegevens heeft ingezien of ' +
      'gewijzigd. De inhoud van de gegevens staat er niet in: elke organisatie levert de inhoud zelf, ' +
      'na haar eigen toets (bijvoorbeeld op rechten van anderen of een lopend onderzoek).',
  );
}

function controllers(doc: PDFKit.PDFDocument, list: InzageController[]): void {
  heading(doc, 'Gegevens per organisatie', 15);
  for (const controller of list) {
    heading(doc, controller.name);
    line(doc, `Status van het verzoek bij deze organisatie: ${TASK_STATUS_NL[controller.taskStatus]}`);
    if (controller.cases.length === 0) {
      line(doc, 'Geen casussen met gegevens over betrokkene.');
      continue;
    }
    for (const c of controller.cases) {
      const roles = c.roles.map((r) => PERSON_ROLE_NL[r] ?? r).join(', ');
      doc.moveDown(0.3).font('Sans-Bold').fontSize(10).text(`Casus ${c.number} — ${c.table}`);
      line(doc, `Rol van betrokkene: ${roles}`);
      if (c.items.length === 0) {
        line(doc, 'Door deze organisatie geen gegevens vastgelegd in deze casus.', { indent: 12 });
      }
      for (const item of c.items) {
        const title =
          item.title ?? '(titel niet vermeld: opsporingsbelang, de organisatie beoordeelt dit zelf)';
        line(doc, `${DAY_NL.format(item.createdAt)}  ${categoryLabel(item.category)}: ${title}`, {
          indent: 12,
        });
      }
    }
  }
}

function accessHistory(doc: PDFKit.PDFDocument, access: InzageReport['access']): void {
  heading(doc, 'Wie had toegang tot uw gegevens', 15);
  note(
    doc,
    'Uit het logboek: wanneer, welke organisatie (in welke rol), wat er gebeurde, welke categorie ' +
      'gegevens het betrof en op grond waarvan. Namen van medewerkers staan er niet in.',
  );
  doc.moveDown(0.3);
  if (access.items.length === 0) {
    line(doc, 'Geen vastgelegde toegang.');
  }
  for (const a of access.items) {
    const who = [
      a.organisation ?? 'onbekende organisatie',
      a.roles.map((r) => TABLE_ROLE_NL[r] ?? r).join(', '),
    ]
      .filter(Boolean)
      .join(', ');
    const what = [ACTION_NL[a.action] ?? a.action, OUTCOME_NL[a.outcome] ?? a.outcome]
      .filter(Boolean)
      .join(' — ');
    const basis = [
      a.category && `categorie: ${categoryLabel(a.category)}`,
      a.authorisation && `autorisatie: ${a.authorisation}`,
      a.legalGround && `grondslag: ${a.legalGround}`,
    ]
      .filter(Boolean)
      .join('; ');
    doc
      .font(a.breakGlass ? 'Sans-Bold' : 'Sans')
      .fontSize(10)
      .text(`${TIME_NL.format(a.occurredAt)}  ${who}: ${what}${a.breakGlass ? ' [NOODTOEGANG]' : ''}`);
    if (basis) {
      doc.font('Sans').fontSize(9).fillColor(GREY).text(basis, { indent: 12 }).fillColor('black');
    }
  }
  if (access.total > access.items.length) {
    note(doc, `Alleen de eerste ${access.items.length} van ${access.total} regels staan hierboven.`);
  }
}

/** Watermark, page number and the request number on every page, once the page count is known. */
function pageFurniture(doc: PDFKit.PDFDocument, number: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    doc.page.margins.bottom = 0;
    doc
      .save()
      .rotate(-45, { origin: [width / 2, height / 2] })
      .font('Sans-Bold')
      .fontSize(64)
      .fillColor('#999999')
      .fillOpacity(0.15)
      .text('VERTROUWELIJK', 0, height / 2 - 32, { width, align: 'center', lineBreak: false })
      .restore();
    doc
      .font('Sans')
      .fontSize(8)
      .fillColor(GREY)
      .fillOpacity(1)
      .text(
        `Inzageoverzicht ${number} — vertrouwelijk — pagina ${i - range.start + 1} van ${range.count}`,
        MARGIN,
        height - MARGIN / 2 - 8,
        { width: width - 2 * MARGIN, align: 'center', lineBreak: false },
      );
  }
}
