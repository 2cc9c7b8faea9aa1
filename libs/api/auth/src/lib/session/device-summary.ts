/**
 * "Chrome op Linux" from a User-Agent header: enough to recognise one's own devices in the list of
 * sessions, without storing the full, fingerprintable header.
 */
export function deviceSummary(userAgent: string | undefined): string {
  if (!userAgent) {
    return '';
  }
  const browser =
    [
      ['Edg/', 'Edge'],
      ['OPR/', 'Opera'],
      ['Firefox/', 'Firefox'],
      ['Chromium/', 'Chromium'],
      ['HeadlessChrome/', 'Chrome (headless)'],
      ['Chrome/', 'Chrome'],
      ['Safari/', 'Safari'],
    ].find(([marker]) => userAgent.includes(marker))?.[1] ?? 'Browser';
  const os =
    [
      ['Windows', 'Windows'],
      ['iPhone', 'iOS'],
      ['iPad', 'iPadOS'],
      ['Mac OS X', 'macOS'],
      ['Android', 'Android'],
      ['CrOS', 'ChromeOS'],
      ['Linux', 'Linux'],
    ].find(([marker]) => userAgent.includes(marker))?.[1] ?? '';
  return os ? `${browser} / ${os}` : browser;
}
