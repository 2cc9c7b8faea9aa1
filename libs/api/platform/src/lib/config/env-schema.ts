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
  {
    name: 'HOST',
    description: 'Address to bind; 127.0.0.1 unless you put a proxy in front',
    example: '127.0.0.1',
  },
  { name: 'PORT', description: 'HTTP port for the web app and the API', example: '3000' },
  {
    name: 'DATABASE_URL',
    description:
      'PostgreSQL URL of the schema owner (runs migrations); unset = embedded PostgreSQL in DATA_DIR',
  },
  {
    name: 'DATABASE_APP_URL',
    description:
      'URL the app uses for requests (a login role in casustafel_app); unset = DATABASE_URL with SET ROLE casustafel_app',
  },
  { name: 'DATABASE_POOL_SIZE', description: 'Maximum connections in the request pool', example: '10' },
  {
    name: 'DATABASE_CONNECT_RETRY_MAX_MS',
    description: 'Longest back-off between connection attempts at start',
    example: '30000',
  },
  {
    name: 'DATA_DIR',
    description: 'Folder for the embedded PostgreSQL (kept between runs)',
    example: '.data',
  },
  { name: 'EMBEDDED_PG_PORT', description: 'Port of the embedded PostgreSQL (never 5432)', example: '54329' },
  {
    name: 'SEED_DEMO',
    description: 'Seed the fictional demo region once; default true with the embedded database',
    example: 'true',
  },
  { name: 'LOG_LEVEL', description: 'fatal | error | warn | info | debug | trace | silent', example: 'info' },
  {
    name: 'LOG_PRETTY',
    description: 'Human-readable logs instead of JSON (development only)',
    example: 'false',
  },
  {
    name: 'WEB_DIST_DIR',
    description: 'Folder with the built web app, served at /',
    example: 'dist/apps/web/browser',
  },
  {
    name: 'WEB_ORIGINS',
    description:
      "Further origins (comma-separated, e.g. https://casustafel.example.nl) allowed to send changes and open live-room sockets; unset = the app's own origin only",
  },
  {
    name: 'REDIS_URL',
    description:
      'Redis for the live room (socket.io Redis adapter) when more than one API instance runs; unset = in memory (one instance)',
  },
  {
    name: 'DEMO_MODE',
    description:
      'Demo accounts may sign in without a second factor (the login page says so); default = SEED_DEMO',
    example: 'true',
  },
  {
    name: 'SESSION_IDLE_MINUTES',
    description: 'A session ends after this many minutes without a request',
    example: '30',
  },
  {
    name: 'SESSION_ABSOLUTE_HOURS',
    description: 'A session ends this many hours after login, active or not',
    example: '12',
  },
  {
    name: 'COOKIE_SECURE',
    description: 'Send cookies only over HTTPS (and use the __Host- prefix); default true in production',
    example: 'false',
  },
  {
    name: 'LOGIN_RATE_LIMIT_PER_MINUTE',
    description: 'Login and second-factor attempts per client address per minute',
    example: '20',
  },
  {
    name: 'LOGIN_LOCKOUT_THRESHOLD',
    description: 'Consecutive failed logins after which an account is locked',
    example: '5',
  },
  {
    name: 'LOGIN_LOCKOUT_MINUTES',
    description: 'First lock duration; every further lock doubles it (at most 24 h)',
    example: '15',
  },
  {
    name: 'BREAK_GLASS_MINUTES',
    description: 'How long a break-glass opening (noodknop) shows the item in full; at most 240',
    example: '60',
  },
  {
    name: 'ENCRYPTION_KEYS',
    description:
      'Keys for data encrypted at rest: id:base64(32 bytes), comma-separated, newest first; required in production',
  },
  {
    name: 'AUDIT_CHECKPOINT_INTERVAL_SECONDS',
    description:
      'Every this many seconds the audit chain heads are appended to AUDIT_CHECKPOINT_FILE (outside the database); 0 = off',
    example: '300',
  },
  {
    name: 'AUDIT_CHECKPOINT_FILE',
    description:
      'File the audit checkpoints are appended to (JSON lines, relative to the working folder); keep a copy off this machine',
    example: 'tmp/audit-checkpoints.jsonl',
  },
  {
    name: 'HASH_KEY',
    description:
      'Key (base64, 32 bytes) for keyed hashes: pseudonyms in the audit log, person matching; required in production',
  },
  {
    name: 'JOBS_POLL_SECONDS',
    description:
      'Every this many seconds an instance runs the due durable jobs (reminders, e-mail); 0 = off (tests)',
    example: '10',
  },
  {
    name: 'REMINDER_DAYS_BEFORE',
    description: 'Days before an action is due that its owner gets a reminder',
    example: '2',
  },
  {
    name: 'REMINDER_INTERVAL_SECONDS',
    description:
      'Every this many seconds the reminder job hands out due action reminders (assigned, due soon, overdue); it runs on the next job poll after that',
    example: '60',
  },
  {
    name: 'SMTP_URL',
    description:
      'Mail server for notification e-mails (smtp://host:25, smtps://user:password@host:465); unset = e-mails stay in the outbox',
  },
  {
    name: 'SMTP_FROM',
    description: 'Sender address of notification e-mails',
    example: 'Casustafel <no-reply@casustafel.invalid>',
  },
  {
    name: 'PUBLIC_BASE_URL',
    description: 'Address users open Casustafel at (links in e-mails); default http://HOST:PORT',
  },
];
