export * from './lib/rights.module';
// The PDF foundation shared with the extracts (ADR 0022, 0024): embedded fonts and Dutch labels.
export { useEmbeddedFonts } from './lib/report/pdf-fonts';
export { CATEGORY_NL } from './lib/report/inzage-labels';
