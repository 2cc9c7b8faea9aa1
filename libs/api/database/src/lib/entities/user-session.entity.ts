import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** PENDING: the password was right, later login steps are still due. FULL: signed in. */
export const SESSION_STAGES = ['PENDING', 'FULL'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

export const SESSION_END_REASONS = [
  'LOGOUT',
  'LOGOUT_ELSEWHERE',
  'ADMIN',
  'DEACTIVATED',
  'ROTATED',
  'SECOND_FACTOR_FAILED',
  'PASSWORD_CHANGED',
  'SECOND_FACTOR_RESET',
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/**
 * A server-side session. The browser holds a random token in an httpOnly cookie; only its SHA-256
 * is stored, so a copy of this table does not let anyone sign in.
 */
@Entity('user_session')
export class UserSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('bytea', { name: 'token_hash', select: false })
  tokenHash!: Buffer;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  stage!: SessionStage;

  @Column('boolean', { name: 'second_factor_verified', default: false })
  secondFactorVerified!: boolean;

  @Column('text', { name: 'csrf_token', select: false })
  csrfToken!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'last_seen_at' })
  lastSeenAt!: Date;

  @Column('timestamptz', { name: 'absolute_expires_at' })
  absoluteExpiresAt!: Date;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt!: Date | null;

  @Column('text', { name: 'end_reason', nullable: true })
  endReason!: SessionEndReason | null;

  @Column('text', { default: '' })
  device!: string;

  /** Failed second-factor attempts in this session; too many ends it. */
  @Column('integer', { name: 'second_factor_failures', default: 0 })
  secondFactorFailures!: number;
}
