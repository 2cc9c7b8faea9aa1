import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/**
 * A person who signs in; belongs to exactly one organisation. Secrets (password hash, second-factor
 * secret) are never selected unless a login step needs them.
 */
@Entity('app_user')
export class AppUser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('text')
  email!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  /** argon2id; never selected unless needed for a login check. */
  @Column('text', { name: 'password_hash', nullable: true, select: false })
  passwordHash!: string | null;

  /** A temporary password set by a beheerder must be replaced at the next login. */
  @Column('boolean', { name: 'password_must_change', default: false })
  passwordMustChange!: boolean;

  @Column('boolean', { default: true })
  active!: boolean;

  /** A fictional demo account; may skip the second factor while demo mode is on. */
  @Column('boolean', { name: 'is_demo', default: false })
  isDemo!: boolean;

  @Column('integer', { name: 'failed_login_count', default: 0 })
  failedLoginCount!: number;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  /** How often the account was locked since the last successful login: the next lock lasts longer. */
  @Column('integer', { name: 'lockout_count', default: 0 })
  lockoutCount!: number;

  /** AES-256-GCM encrypted TOTP secret (see SecretBox). */
  @Column('bytea', { name: 'totp_secret_enc', nullable: true, select: false })
  totpSecretEnc!: Buffer | null;

  /** A secret handed out for enrolment, not yet confirmed with a code. */
  @Column('bytea', { name: 'totp_pending_secret_enc', nullable: true, select: false })
  totpPendingSecretEnc!: Buffer | null;

  @Column('timestamptz', { name: 'totp_enrolled_at', nullable: true })
  totpEnrolledAt!: Date | null;

  /** Last accepted TOTP time step; a code is never accepted twice. */
  @Column('bigint', { name: 'totp_last_step', nullable: true, select: false })
  totpLastStep!: string | null;

  @Column('timestamptz', { name: 'last_login_at', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
