import PDFDocument from 'pdfkit';
import { useEmbeddedFonts } from './pdf-fonts';

/**
 * The scaffolding of a confidential PDF (ADR 0022, 0024), shared by the inzage report and the
 * extracts: A4 with the embedded DejaVu Sans, a watermark and a footer with "pagina x van y" on
 * every page, and Dutch dates. The document date is given, so the same content gives the same bytes.
 */

export const PDF_MARGIN = 56;
export const PDF_GREY = '#555555';

/** A moment as `dd-mm-jjjj hh:mm`, Dutch time. */
export const TIME_NL = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A moment's date as `dd-mm-jjjj`, Dutch time. */
export const DAY_NL = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** A calendar date `1990-03-07` as `07-03-1990`. */
export function isoDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}-${m}-${y}`;
}

export interface ConfidentialPdf {
  /** The document title (PDF metadata). */
  title: string;
  /** Creation and modification date (PDF metadata). */
  date: Date;
  /** Diagonal text on every page, and its font size. */
  watermark: { text: string; size: number };
  /** The footer line of a page, given its number (from 1) and the page count. */
  footer: (page: number, count: number) => string;
}

/** Renders a confidential PDF: `body` writes the content, then every page gets its furniture. */
export function renderConfidentialPdf(
  options: ConfidentialPdf,
  body: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PDF_MARGIN,
    bufferPages: true,
    info: {
      Title: options.title,
      Author: 'Casustafel',
      Creator: 'Casustafel',
      Producer: 'Casustafel',
      CreationDate: options.date,
      ModDate: options.date,
    },
  });
  useEmbeddedFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  body(doc);
  pageFurniture(doc, options);
  doc.end();
  return done;
}

/** A line of body text. */
export function pdfLine(
  doc: PDFKit.PDFDocument,
  text: string,
  options: PDFKit.Mixins.TextOptions = {},
): void {
  doc.font('Sans').fontSize(10).fillColor('black').text(text, options);
}

/** An explanatory note in grey italics; the body font is selected again after it. */
export function pdfNote(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Sans-Oblique').fontSize(9).fillColor(PDF_GREY).text(text).fillColor('black');
  doc.font('Sans').fontSize(10);
}

/** Watermark and footer on every page, once the page count is known. */
function pageFurniture(doc: PDFKit.PDFDocument, { watermark, footer }: ConfidentialPdf): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    doc.page.margins.bottom = 0;
    doc
      .save()
      .rotate(-45, { origin: [width / 2, height / 2] })
      .font('Sans-Bold')
      .fontSize(watermark.size)
      .fillColor('#999999')
      .fillOpacity(0.15)
      .text(watermark.text, 0, height / 2 - watermark.size / 2, { width, align: 'center', lineBreak: false })
      .restore();
    doc
      .font('Sans')
      .fontSize(8)
      .fillColor(PDF_GREY)
      .fillOpacity(1)
      .text(footer(i - range.start + 1, range.count), PDF_MARGIN, height - PDF_MARGIN / 2 - 8, {
        width: width - 2 * PDF_MARGIN,
        align: 'center',
        lineBreak: false,
      });
  }
}
