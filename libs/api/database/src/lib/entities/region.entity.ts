import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The area one Zorg- en Veiligheidshuis serves, e.g. Gooi en Vechtstreek. */
@Entity('region')
export class Region {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  /** Fictional demo data: never mix real cases into a demo region. */
  @Column('boolean', { name: 'is_demo', default: false })
  isDemo!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
