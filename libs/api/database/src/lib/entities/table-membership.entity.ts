import type { MembershipStatus } from '@casustafel/shared/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** Covenant status of one organisation at one table (DOMAIN.md §5.2: a separate concept). */
@Entity('table_membership')
export class TableMembership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'table_id' })
  tableId!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('text')
  status!: MembershipStatus;

  @Column('date')
  since!: string;

  @Column('date', { nullable: true })
  until!: string | null;

  @Column('text', { name: 'document_ref', default: '' })
  documentRef!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
