import { isAllowedOrigin } from './origin';

describe('isAllowedOrigin', () => {
  it('accepts the own origin: the Origin with the Host header, default ports equal', () => {
    expect(isAllowedOrigin('http://127.0.0.1:3000', '127.0.0.1:3000')).toBe(true);
    expect(isAllowedOrigin('https://casustafel.example.nl', 'casustafel.example.nl:443')).toBe(true);
    expect(isAllowedOrigin('https://casustafel.example.nl', 'casustafel.example.nl')).toBe(true);
  });

  it('refuses another host, port or a missing Host, and anything that is not an http(s) origin', () => {
    expect(isAllowedOrigin('https://evil.example', 'casustafel.example.nl')).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:3001', '127.0.0.1:3000')).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:3000', undefined)).toBe(false);
    expect(isAllowedOrigin('null', '127.0.0.1:3000')).toBe(false);
    expect(isAllowedOrigin('file:///etc/passwd', '127.0.0.1:3000')).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:3000', 'evil.example/@127.0.0.1:3000')).toBe(false);
  });

  it('accepts the configured further origins (WEB_ORIGINS) only', () => {
    const allowed = ['https://casustafel.example.nl'];
    expect(isAllowedOrigin('https://casustafel.example.nl', 'api.internal:3000', allowed)).toBe(true);
    expect(isAllowedOrigin('http://casustafel.example.nl', 'api.internal:3000', allowed)).toBe(false);
    expect(isAllowedOrigin('https://casustafel.example.nl.evil.example', 'api.internal:3000', allowed)).toBe(
      false,
    );
  });
});
