import type { TableTheme } from '@casustafel/shared/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** A casustafel: a standing case conference of a ZVH with its own covenant and retention. */
@Entity('case_table')
export class CaseTable {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'region_id' })
  regionId!: string;

  @Column('text')
  name!: string;

  @Column('text')
  theme!: TableTheme;

  @Column('text', { default: '' })
  description!: string;

  @Column('integer', { name: 'default_retention_months' })
  defaultRetentionMonths!: number;

  /** Versioned id of the processing activity in the register (Logboek Dataverwerkingen). */
  @Column('text', { name: 'processing_activity_id' })
  processingActivityId!: string;

  @Column('boolean', { default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
