import { loadAppConfig } from '../config/app-config';
import pino from 'pino';
import { accessLogLine, AppLogger, createAccessLogger, createRootLogger } from './app-logger';
import { requestStorage } from '../context/request-context';

function capture(): { lines: string[]; logger: pino.Logger } {
  const lines: string[] = [];
  const logger = pino(
    { level: 'info', base: { service: 'casustafel-api' } },
    { write: (line: string) => lines.push(line) },
  );
  return { lines, logger };
}

describe('logging', () => {
  it('writes access-log lines as JSON with the correlation id and without the query string', () => {
    const root = createRootLogger(loadAppConfig({ LOG_LEVEL: 'silent' }));
    const log = createAccessLogger(root);
    // silent: nothing is written (and nothing throws)
    expect(() =>
      log({ correlationId: 'abc12345', method: 'GET', path: '/api/x', statusCode: 200, responseTimeMs: 1 }),
    ).not.toThrow();
  });

  it('puts the request correlation id, the context and no error message on Nest log lines', () => {
    const { lines, logger } = capture();
    const nest = new AppLogger(logger);
    requestStorage.run({ correlationId: 'corr-12345678' }, () => {
      nest.log('Database ready', 'DatabaseService');
      nest.error('Boom with BSN 123456782', 'Error: x\n    at frame (file.ts:1:1)', 'SomeService');
      nest.warn({ attempt: 3 }, 'retrying', 'DatabaseService');
    });
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed[0]).toMatchObject({
      level: 30,
      msg: 'Database ready',
      context: 'DatabaseService',
      correlationId: 'corr-12345678',
    });
    expect(parsed[1]).toMatchObject({
      level: 50,
      context: 'SomeService',
      stack: '    at frame (file.ts:1:1)',
    });
    expect(parsed[2]).toMatchObject({ level: 40, msg: 'retrying', attempt: 3, context: 'DatabaseService' });
  });
});
