/**
 * Push for meeting surfaces (issue 14, ADR 0010): Server-Sent Events that tell open tabs *that* a meeting
 * changed, never *what* — an event carries the store's change counter only, and the tab re-fetches its own
 * per-viewer view with If-None-Match.
 *
 * - One timer per meeting per instance, not per connection: while anybody on this instance listens to a
 *   meeting, the timer asks the meeting's snapshot (src/server/meeting-snapshot.ts) for the store's change
 *   counter every `checkEveryMs` — the same check the snapshot already makes — and sends a `change` event to
 *   this instance's listeners when the meeting's content changed (the session's version or a case on its
 *   agenda; audit rows of reads change nothing). The same timer sends the heartbeat comment lines.
 * - Nothing here is state another instance needs: each instance learns of a change from the store, whichever
 *   instance wrote it, and pushes to its own connections. The last listener gone, the timer stops.
 * - At most `maxPerViewer` open streams per user and meeting (a side panel, the stage, the content tab).
 */
import type { PassThrough } from 'node:stream';
import type { ChangeCounter, CountingStore, MeetingSnapshots, SnapshotOptions } from './meeting-snapshot';
import { snapshotsFor } from './meeting-snapshot';

export interface Listener {
  userId: string;
  stream: PassThrough;
}

interface Channel {
  listeners: Set<Listener>;
  /** what the listeners were last told: the counter, and a fingerprint of the meeting's content. */
  counter: string;
  content: string;
  check: ReturnType<typeof setInterval>;
  heartbeat: ReturnType<typeof setInterval>;
  checking: boolean;
}

export const counterText = (c: ChangeCounter): string => `m${c.meetingVersion}.a${c.auditSeq}`;

/** An SSE event with the counter only: `event: change`, `id` and `data` both the counter. */
export const changeEvent = (counter: string): string => `event: change\nid: ${counter}\ndata: ${JSON.stringify({ counter })}\n\n`;

export class MeetingEvents {
  /** how often the store's counter is asked per meeting (while listened to); the tests and the rehearsal shorten it. */
  checkEveryMs = 10_000;
  heartbeatMs = 15_000;
  maxPerViewer = 3;
  private readonly channels = new Map<string, Channel>();
  /** how often a check asked the snapshot (tests: one timer per meeting, not per connection). */
  readonly stats = { checks: 0, pushes: 0 };

  constructor(private readonly snapshots: MeetingSnapshots) {}

  /** How many streams are open, on one meeting or on all. */
  open(meetingId?: string): number {
    if (meetingId !== undefined) return this.channels.get(meetingId)?.listeners.size ?? 0;
    let n = 0;
    for (const c of this.channels.values()) n += c.listeners.size;
    return n;
  }

  /**
   * Adds a listener, starts the meeting's timer if it is the first; returns what removes it again, or
   * undefined when the user already has `maxPerViewer` streams open on this meeting.
   */
  async listen(meetingId: string, listener: Listener): Promise<(() => void) | undefined> {
    const snap = await this.snapshots.get(meetingId);
    let ch = this.channels.get(meetingId);
    if ([...(ch?.listeners ?? [])].filter((l) => l.userId === listener.userId).length >= this.maxPerViewer) return undefined;
    if (!ch) {
      const c: Channel = {
        listeners: new Set(),
        counter: counterText(snap),
        content: contentOf(snap),
        checking: false,
        check: setInterval(() => void this.tick(meetingId), this.checkEveryMs),
        heartbeat: setInterval(() => this.broadcast(c, ': heartbeat\n\n'), this.heartbeatMs),
      };
      c.check.unref();
      c.heartbeat.unref();
      this.channels.set(meetingId, (ch = c));
    }
    ch.listeners.add(listener);
    // the current counter first: the tab knows where it stands (and a reader sees one event at once)
    listener.stream.write(`retry: 5000\n${changeEvent(ch.counter)}`);
    const channel = ch;
    return () => {
      channel.listeners.delete(listener);
      if (channel.listeners.size === 0 && this.channels.get(meetingId) === channel) {
        clearInterval(channel.check);
        clearInterval(channel.heartbeat);
        this.channels.delete(meetingId);
      }
    };
  }

  /** Ends every stream (the server is shutting down: open streams would hold the close up forever). */
  closeAll(): void {
    for (const [meetingId, ch] of this.channels) {
      clearInterval(ch.check);
      clearInterval(ch.heartbeat);
      for (const l of ch.listeners) l.stream.end();
      this.channels.delete(meetingId);
    }
  }

  /** One check of a meeting's counter; pushes a `change` event when its content changed. */
  async tick(meetingId: string): Promise<void> {
    const ch = this.channels.get(meetingId);
    if (!ch || ch.checking) return;
    ch.checking = true;
    try {
      this.stats.checks += 1;
      const snap = await this.snapshots.check(meetingId);
      const content = contentOf(snap);
      ch.counter = counterText(snap);
      if (content !== ch.content) {
        ch.content = content;
        this.stats.pushes += 1;
        this.broadcast(ch, changeEvent(ch.counter));
      }
    } catch {
      // the store is unavailable for a moment: the next tick tries again; the tabs' safety poll still runs
    } finally {
      ch.checking = false;
    }
  }

  private broadcast(ch: Channel, text: string): void {
    for (const l of ch.listeners) l.stream.write(text);
  }
}

/** What a viewer could see change: the session's version and the versions of the agenda's cases. */
function contentOf(snap: { meetingVersion: number; records: Map<string, { version: number } | undefined>; organisations: unknown[] }): string {
  return JSON.stringify([snap.meetingVersion, [...snap.records].map(([id, r]) => [id, r?.version ?? -1]), snap.organisations.length]);
}

const hubs = new WeakMap<object, MeetingEvents>();

/** One hub per store, i.e. per server instance, over the instance's meeting snapshots. */
export function meetingEventsFor(store: CountingStore, opts: SnapshotOptions = {}): MeetingEvents {
  let hub = hubs.get(store);
  if (!hub) hubs.set(store, (hub = new MeetingEvents(snapshotsFor(store, opts))));
  return hub;
}
