import { resolve } from 'node:path';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DatabaseService } from '@casustafel/api/database';
import { APP_CONFIG, AppConfig, Clock, KeyedHasher } from '@casustafel/api/platform';
import { appendCheckpoint, ChainHead, Checkpoint, signCheckpoint } from './checkpoint-file';

/**
 * Checkpoints outside the database (ADR 0017): every AUDIT_CHECKPOINT_INTERVAL_SECONDS the heads
 * of the audit hash chains are appended to AUDIT_CHECKPOINT_FILE, signed with an HMAC. A rewrite
 * of the whole log (with recomputed hashes) or a removed tail no longer matches the last line; the
 * verifier (`npm run audit:verify`) checks it. The heads are read as the app role through
 * `cst_audit_heads()`: the app cannot read the log itself. A line is written only when the log
 * grew since the last one; the last one is written at shutdown.
 */
@Injectable()
export class AuditCheckpointService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditCheckpointService.name);
  private readonly file: string;
  private timer?: NodeJS.Timeout;
  private lastWritten?: string;
  private running?: Promise<Checkpoint | undefined>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
    private readonly hasher: KeyedHasher,
    private readonly clock: Clock,
  ) {
    this.file = resolve(config.audit.checkpointFile);
  }

  onApplicationBootstrap(): void {
    const seconds = this.config.audit.checkpointIntervalSeconds;
    if (seconds === 0) {
      return;
    }
    this.timer = setInterval(() => void this.checkpointSafely(), seconds * 1000);
    // The timer alone does not keep the process alive.
    this.timer.unref();
    this.logger.log(`Audit chain heads are checkpointed every ${seconds} s to ${this.file}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.timer) {
      return;
    }
    clearInterval(this.timer);
    this.timer = undefined;
    await this.checkpointSafely();
  }

  /**
   * Appends the current heads when they changed since the last line this process wrote; returns
   * the line written, if any. One at a time.
   */
  checkpoint(): Promise<Checkpoint | undefined> {
    this.running ??= this.write().finally(() => (this.running = undefined));
    return this.running;
  }

  private async write(): Promise<Checkpoint | undefined> {
    const heads: ChainHead[] = (
      await this.database.dataSource.query<Array<{ chain_id: number; chain_seq: string; hash: string }>>(
        `select chain_id, chain_seq, encode(hash, 'hex') as hash from cst_audit_heads()`,
      )
    ).map((h) => ({ chain_id: h.chain_id, chain_seq: Number(h.chain_seq), hash: h.hash }));
    const key = JSON.stringify(heads);
    if (heads.length === 0 || key === this.lastWritten) {
      return undefined;
    }
    const checkpoint = signCheckpoint(this.hasher, this.clock.now(), heads);
    await appendCheckpoint(this.file, checkpoint);
    this.lastWritten = key;
    return checkpoint;
  }

  private async checkpointSafely(): Promise<void> {
    try {
      await this.checkpoint();
    } catch (error) {
      this.logger.warn(
        `Audit checkpoint not written (${(error as { code?: string }).code ?? (error as Error).name}); retrying at the next interval`,
      );
    }
  }
}
