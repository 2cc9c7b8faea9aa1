export * from './lib/rights.module';
// The PDF foundation shared with the extracts (ADR 0022, 0024): embedded fonts, the confidential
// document scaffolding (watermark, footer, dates) and Dutch labels.
export { useEmbeddedFonts } from './lib/report/pdf-fonts';
export {
  DAY_NL,
  PDF_GREY,
  PDF_MARGIN,
  TIME_NL,
  isoDay,
  pdfLine,
  pdfNote,
  renderConfidentialPdf,
  type ConfidentialPdf,
} from './lib/report/pdf-document';
export { CATEGORY_NL } from './lib/report/inzage-labels';
