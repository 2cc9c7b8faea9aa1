import type { TableRole } from '@casustafel/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A role a user holds at one table; a user may hold several roles at several tables. */
@Entity('user_table_role')
export class UserTableRole {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('uuid', { name: 'table_id' })
  tableId!: string;

  @Column('text')
  role!: TableRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
