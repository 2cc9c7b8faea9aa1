import type { LegalRegime, PartnerType } from '@casustafel/shared/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** A partner organisation. Its covenant status is per table ({@link TableMembership}), not here. */
@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'region_id', nullable: true })
  regionId!: string | null;

  @Column('text')
  name!: string;

  @Column('text', { name: 'partner_type' })
  partnerType!: PartnerType;

  @Column('text', { name: 'legal_regimes', array: true, default: () => "'{}'" })
  legalRegimes!: LegalRegime[];

  @Column('boolean', { default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
