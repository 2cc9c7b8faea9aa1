/**
 * Every environment variable Casustafel reads, in one place. `.env.example` is checked against this
 * list by a unit test, so the documentation cannot drift from the code (HOUSE-STYLE rule 9).
 */
export interface EnvVarSpec {
  name: string;
  /** One line for `.env.example` and the README configuration table. */
  description: string;
  /** Shown in `.env.example`; `undefined` means "unset by default". */
  example?: string;
}

export const ENV_VARS: readonly EnvVarSpec[] = [
  { name: 'NODE_ENV', description: 'development | production | test', example: 'development' },
  { name: 'HOST', description: 'Address to bind; 127.0.0.1 unless you put a proxy in front', example: '127.0.0.1' },
  { name: 'PORT', description: 'HTTP port for the web app and the API', example: '3000' },
  {
    name: 'DATABASE_URL',
    description: 'PostgreSQL URL of the schema owner (runs migrations); unset = embedded PostgreSQL in DATA_DIR',
  },
  {
    name: 'DATABASE_APP_URL',
    description: 'URL the app uses for requests (a login role in casustafel_app); unset = DATABASE_URL with SET ROLE casustafel_app',
  },
  { name: 'DATABASE_POOL_SIZE', description: 'Maximum connections in the request pool', example: '10' },
  { name: 'DATABASE_CONNECT_RETRY_MAX_MS', description: 'Longest back-off between connection attempts at start', example: '30000' },
  { name: 'DATA_DIR', description: 'Folder for the embedded PostgreSQL (kept between runs)', example: '.data' },
  { name: 'EMBEDDED_PG_PORT', description: 'Port of the embedded PostgreSQL (never 5432)', example: '54329' },
  { name: 'SEED_DEMO', description: 'Seed the fictional demo region once; default true with the embedded database', example: 'true' },
  { name: 'LOG_LEVEL', description: 'fatal | error | warn | info | debug | trace | silent', example: 'info' },
  { name: 'LOG_PRETTY', description: 'Human-readable logs instead of JSON (development only)', example: 'false' },
  { name: 'WEB_DIST_DIR', description: 'Folder with the built web app, served at /', example: 'dist/apps/web/browser' },
];
