/**
 * Whether a browser's `Origin` belongs to this app: the app's own origin (the Origin's scheme with
 * the request's Host header, so default ports compare equal) or one of the configured further
 * origins (WEB_ORIGINS). The HTTP guard applies it to state-changing requests, the live room to
 * every socket handshake.
 */
export function isAllowedOrigin(
  origin: string,
  host: string | undefined,
  allowedOrigins: readonly string[] = [],
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (!['http:', 'https:'].includes(parsed.protocol)) {
    return false;
  }
  if (allowedOrigins.includes(parsed.origin)) {
    return true;
  }
  if (!host) {
    return false;
  }
  try {
    return new URL(`${parsed.protocol}//${host}`).host === parsed.host;
  } catch {
    return false;
  }
}
