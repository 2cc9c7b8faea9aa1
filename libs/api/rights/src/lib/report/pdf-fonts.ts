import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The embedded Unicode fonts of generated PDFs (ADR 0022): DejaVu Sans, so that every name prints
 * as written (ł, ő, ș, …), which the PDF standard fonts (WinAnsi only) cannot. The files ship in
 * `libs/api/rights/src/assets/fonts` and are copied next to the built server (`assets/fonts`).
 */
const FILES = {
  Sans: 'DejaVuSans.ttf',
  'Sans-Bold': 'DejaVuSans-Bold.ttf',
  'Sans-Oblique': 'DejaVuSans-Oblique.ttf',
} as const;

export type PdfFont = keyof typeof FILES;

let found: string | undefined;

/** The folder with the font files: next to the built server, else in the sources (tests). */
function fontDir(): string {
  if (found) {
    return found;
  }
  const candidates = [
    join(dirname(require.main?.filename ?? '.'), 'assets', 'fonts'),
    join(__dirname, '..', '..', 'assets', 'fonts'),
    join(process.cwd(), 'libs', 'api', 'rights', 'src', 'assets', 'fonts'),
  ];
  found = candidates.find((dir) => existsSync(join(dir, FILES.Sans)));
  if (!found) {
    throw new Error(`The PDF fonts are missing; looked in ${candidates.join(', ')}.`);
  }
  return found;
}

/** Registers the fonts on a document and selects the regular one. */
export function useEmbeddedFonts(doc: PDFKit.PDFDocument): void {
  const dir = fontDir();
  for (const [name, file] of Object.entries(FILES)) {
    doc.registerFont(name, join(dir, file));
  }
  doc.font('Sans');
}
