import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const PARTNER_TYPES = [
  'ZVH',
  'GEMEENTE_SOCIAAL_DOMEIN',
  'GEMEENTE_OOV',
  'POLITIE',
  'OM',
  'RECLASSERING',
  'RVDK_GI',
  'VEILIG_THUIS',
  'GGZ_ZORGAANBIEDER',
  'ZORGCOORDINATOR',
  'COMENSHA',
  'IND',
  'NLA_KMAR',
  'RIEC',
  'SLACHTOFFERHULP',
  'WONINGCORPORATIE',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const LEGAL_REGIMES = ['AVG', 'WPG', 'WJSG', 'WGS', 'BEROEPSGEHEIM', 'JEUGDWET', 'WMO', 'VREEMDELINGENWET'] as const;
export type LegalRegime = (typeof LEGAL_REGIMES)[number];

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
