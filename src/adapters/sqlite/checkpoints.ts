/**
 * The audit's checkpoints for the embedded store (ADR 0009): an append-only file of JSON lines next to the
 * database — not in it, so that whoever can write the database (or replace its file) has not thereby
 * rewritten the anchors. Created 0600; each checkpoint is appended with O_APPEND and fsynced; nothing here
 * ever rewrites the file. A torn last line (a crash mid-append) is skipped, not fatal.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditCheckpoint, AuditCheckpointLog } from '../../core/ports';

function parse(line: string): AuditCheckpoint | undefined {
  try {
    const c = JSON.parse(line) as Partial<AuditCheckpoint>;
    if (typeof c.seq === 'number' && Number.isInteger(c.seq) && typeof c.hash === 'string' && /^[0-9a-f]{64}$/.test(c.hash) && typeof c.at === 'string') {
      return { seq: c.seq, hash: c.hash, at: c.at, reason: c.reason === 'daily' ? 'daily' : 'verification' };
    }
  } catch {
    // reason: a torn or foreign line is skipped; the checkpoints around it still count.
  }
  return undefined;
}

export class FileCheckpointLog implements AuditCheckpointLog {
  constructor(readonly file: string) {}

  async append(checkpoint: AuditCheckpoint): Promise<void> {
    mkdirSync(dirname(this.file), { recursive: true });
    const fd = openSync(this.file, 'a', 0o600);
    try {
      const { seq, hash, at, reason } = checkpoint;
      writeSync(fd, `${JSON.stringify({ seq, hash, at, reason })}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  async latest(): Promise<AuditCheckpoint | undefined> {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    let best: AuditCheckpoint | undefined;
    for (const line of text.split('\n')) {
      const c = line.trim() ? parse(line) : undefined;
      if (c && (!best || c.seq >= best.seq)) best = c;
    }
    return best;
  }
}
