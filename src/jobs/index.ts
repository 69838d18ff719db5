/**
 * The scheduled jobs as a table: name → what it does. They run in the server (scheduler.ts, once across
 * instances through a lease in the store) and by hand (`npm run job -- <name>`). Each returns a summary at
 * process level, without personal data, which is logged and printed.
 */
import type { Config } from '../config';
import { dueActions, dueDeadlines } from '../core/deadlines';
import type { MeetingService, MeetingStore } from '../core/meetings';
import type { CaseRecord } from '../core/model';
import type { BotStore, Store } from '../core/ports';
import type { Signaalpunt } from '../core/service';
import { meetingAgendaMessages, sessionsDue } from './meeting-agenda';
import { actionReminderMessages, reminderMessages } from './reminders';
import { undeliveredReportMessages } from './undelivered-report';
import { undelivered } from '../../bot/app/outbox/undelivered';

/** The server's store as the jobs use it: the case store, the bot's outbox, the signaaltafel sessions. */
export type JobStore = Store & Pick<BotStore, 'enqueueOutbox' | 'listOutbox'> & MeetingStore;

export interface JobContext {
  /** the server's store: the case store and the bot's outbox (reminders are queued there). */
  store: JobStore;
  service: Signaalpunt;
  /** the signaaltafel's service the server built at start-up (ADR 0016), or the manual run's one: the retention job sweeps status notes with it. */
  meetings: MeetingService;
  config: Config;
  /** the day the job runs as (the clock; in local mode a manual run may choose it). */
  asOf: Date;
  /** the moment messages are queued (due to be sent from then on); defaults to `asOf`. A manual run "as of" another day still queues them now. */
  queuedAt?: Date;
}

export interface JobDefinition {
  description: string;
  run(ctx: JobContext): Promise<Record<string, unknown>>;
}

export const JOBS = {
  retention: {
    description: 'Destroys identity, contact and free text of closed cases whose retention date has passed, and the signaaltafel\'s status notes on them.',
    run: async ({ service, meetings, asOf }) => {
      const r = await service.runRetention(asOf);
      const notes = await meetings.forgetPurgedStatusNotes();
      return { asOf: r.asOf, purged: r.purged.length, references: r.purged.map((p) => p.reference), statusNotes: notes.notes };
    },
  },
  'enrichment-expiry': {
    description: 'Marks open enrichment requests past their due date as expired: the partner loses access to the identity.',
    run: async ({ service, asOf }) => ({ ...(await service.expireEnrichment(asOf)) }),
  },
  reminders: {
    description: 'Queues the bot\'s reminders: informing deadlines (to the inbrenger; overdue ones also to every procesregisseur), enrichment answers due within the lead time (to the asked partner) and follow-up actions due or overdue (to the lead partner).',
    run: async ({ store, service, config, asOf, queuedAt }) => {
      const due = await dueDeadlines(store, asOf, { withinDays: config.jobs.reminderLeadDays, informingDeadlineMonths: service.config.informingDeadlineMonths });
      const actions = await dueActions(store, asOf, { withinDays: config.jobs.reminderLeadDays });
      let queued = 0;
      if (due.informing.length || due.enrichment.length || actions.length) {
        // the recipients are read only when there is something to remind of (most hourly runs have nothing)
        const [users, organisations] = await Promise.all([store.listUsers(), store.listOrganisations()]);
        const at = (queuedAt ?? asOf).toISOString();
        const messages = [...reminderMessages(due, { users, organisations }, at), ...actionReminderMessages(actions, { users, organisations }, at)];
        if (messages.length) queued = await store.enqueueOutbox(messages);
      }
      return {
        asOf: due.asOf,
        horizon: due.horizon,
        informingDue: due.informing.length,
        informingOverdue: due.informing.filter((d) => d.overdue).length,
        enrichmentDue: due.enrichment.length,
        informing: due.informing.map(({ reference, dueOn, overdue, deferred }) => ({ reference, dueOn, overdue, deferred })),
        enrichment: due.enrichment.map(({ reference, dueOn, overdue, organisationId }) => ({ reference, dueOn, overdue, organisationId })),
        actionsDue: actions.length,
        actions: actions.map(({ reference, dueOn, overdue, organisationId }) => ({ reference, dueOn, overdue, organisationId })),
        /** new messages in the outbox (a reminder queued by an earlier run is not queued again). */
        queued,
      };
    },
  },
  'audit-checkpoint': {
    description: 'Verifies the audit chain and records its head as a checkpoint outside the audit (ADR 0009); fails when the chain is broken, cut off or rewritten after the latest checkpoint.',
    run: async ({ service }) => {
      const v = await service.verifyAudit(10_000, 'daily');
      if (!v.ok) throw Object.assign(new Error(`audit verification failed: ${v.problem} at ${v.firstBadSeq}`), { code: `AUDIT.${v.problem}` });
      return { rows: v.rows, ...(v.checkpointSeq !== undefined ? { checkpointSeq: v.checkpointSeq } : { checkpoint: 'NO_CHECKPOINT_LOG' }) };
    },
  },
  'undelivered-report': {
    description: 'Once a day, when bot messages could not be delivered (dead letters, or still retried after several failures), queues a message with the counts to every procesregisseur.',
    run: async ({ store, asOf, queuedAt }) => {
      const stuck = await undelivered(store, 1000);
      const messages = undeliveredReportMessages(stuck, stuck.length ? await store.listUsers() : [], queuedAt ?? asOf);
      const queued = messages.length ? await store.enqueueOutbox(messages) : 0;
      return { undelivered: stuck.length, dead: stuck.filter((m) => m.status === 'dead').length, queued };
    },
  },
  'meeting-agenda': {
    description: 'Queues the agenda of each signaaltafel planned within the lead time to every participant (partners of the taking-part organisations, the chairs), at process level: per item the kenmerk and phase where that participant may see them; once per agenda version.',
    run: async ({ store, config, asOf, queuedAt }) => {
      const due = sessionsDue(await store.listMeetings({ limit: 100, offset: 0 }), asOf, config.jobs.reminderLeadDays);
      let queued = 0;
      if (due.length > 0) {
        const [users, organisations] = await Promise.all([store.listUsers(), store.listOrganisations()]);
        const caseIds = [...new Set(due.flatMap((m) => m.agenda.map((a) => a.caseId)))];
        const records = await store.transaction(async (tx) => {
          const out = new Map<string, CaseRecord>();
          for (const id of caseIds) {
            const r = await tx.getCase(id);
            if (r) out.set(id, r);
          }
          return out;
        });
        const now = (queuedAt ?? asOf).toISOString();
        const messages = due.flatMap((m) => meetingAgendaMessages(m, records, { users, organisations }, now));
        if (messages.length) queued = await store.enqueueOutbox(messages);
      }
      return { sessions: due.length, items: due.reduce((n, m) => n + m.agenda.length, 0), queued };
    },
  },
} as const satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOBS, name);
}

export interface JobRun {
  job: JobName;
  ran: boolean;
  /** why it did not run: it is running elsewhere, or another instance runs it this interval. */
  skipped?: 'RUNNING_ELSEWHERE' | 'SCHEDULED_ELSEWHERE';
  summary?: Record<string, unknown>;
}

/** Longest a run may hold its run lease; after that another instance may run the job again. */
export const RUN_LEASE_MS = 15 * 60_000;

/**
 * Runs a job once unless it is running elsewhere: the lease `run:<name>` is held while it runs (scheduled
 * or by hand), and given back afterwards.
 */
export async function runJob(name: JobName, ctx: JobContext, lease: { holder: string; now?: Date }): Promise<JobRun> {
  if (!(await ctx.store.acquireLease(`run:${name}`, lease.holder, RUN_LEASE_MS, lease.now))) return { job: name, ran: false, skipped: 'RUNNING_ELSEWHERE' };
  try {
    return { job: name, ran: true, summary: await JOBS[name].run(ctx) };
  } finally {
    await ctx.store.releaseLease(`run:${name}`, lease.holder);
  }
}

/**
 * The scheduler's run: the instance that takes the lease `schedule:<name>` runs the job and keeps that lease
 * for the interval, so that no other instance runs it again within the same interval.
 */
export async function runScheduledJob(name: JobName, ctx: JobContext, lease: { holder: string; intervalMs: number; now?: Date }): Promise<JobRun> {
  if (!(await ctx.store.acquireLease(`schedule:${name}`, lease.holder, lease.intervalMs, lease.now))) return { job: name, ran: false, skipped: 'SCHEDULED_ELSEWHERE' };
  return runJob(name, ctx, lease);
}
