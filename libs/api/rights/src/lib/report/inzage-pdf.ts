import type { DataCategory, RightsTaskStatus, TableRole } from '@casustafel/shared/contracts';
import {
  ACTION_NL,
  CATEGORY_NL,
  OUTCOME_NL,
  PERSON_ROLE_NL,
  TABLE_ROLE_NL,
  TASK_STATUS_NL,
} from './inzage-labels';
import {
  DAY_NL,
  PDF_GREY,
  TIME_NL,
  isoDay,
  pdfLine as line,
  pdfNote as note,
  renderConfidentialPdf,
} from './pdf-document';

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

function categoryLabel(category: string | null): string {
  return category ? (CATEGORY_NL[category as DataCategory] ?? category) : '';
}

/**
 * The inzage report as a PDF (ADR 0022): A4, embedded DejaVu Sans (every name as written), a
 * "VERTROUWELIJK" watermark, "pagina x van y" and the request number on every page. The document
 * date is the generation time, so the same data at the same moment gives the same bytes.
 */
export function renderInzagePdf(report: InzageReport): Promise<Buffer> {
  return renderConfidentialPdf(
    {
      title: `Inzageoverzicht ${report.number}`,
      date: report.generatedAt,
      watermark: { text: 'VERTROUWELIJK', size: 64 },
      footer: (page, count) =>
        `Inzageoverzicht ${report.number} — vertrouwelijk — pagina ${page} van ${count}`,
    },
    (doc) => {
      header(doc, report);
      controllers(doc, report.controllers);
      accessHistory(doc, report.access);
    },
  );
}

function heading(doc: PDFKit.PDFDocument, text: string, size = 13): void {
  doc.moveDown(0.8).font('Sans-Bold').fontSize(size).fillColor('black').text(text).moveDown(0.3);
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
      doc.font('Sans').fontSize(9).fillColor(PDF_GREY).text(basis, { indent: 12 }).fillColor('black');
    }
  }
  if (access.total > access.items.length) {
    note(doc, `Alleen de eerste ${access.items.length} van ${access.total} regels staan hierboven.`);
  }
}
