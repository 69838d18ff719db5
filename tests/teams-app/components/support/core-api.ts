/**
 * The tab's API interface answered by the real core on a real (in-memory) SQLite store — the same
 * MeetingService and Signaalpunt the server's routes call, without HTTP in between (HTTP is covered by the
 * browser tests and tests/server/routes/meetings.test.ts). Refusals become ApiErrors with the core's code
 * and texts, as the server's problem documents carry them.
 */
import { deserialize, serialize } from 'node:v8';
import type { Catalogue } from '../../../../packages/contract/src';
import { CATALOGUE } from '../../../../src/core/catalogue';
import type { Result } from '../../../../src/core/errors';
import { managedCatalogueOn } from '../../../../src/core/reference-data';
import type { Attendee } from '../../../../src/core/meetings';
import { MeetingService, minutesToMarkdown } from '../../../../src/core/meetings';
import type { User } from '../../../../src/core/model';
import type { DiscussionInput, Me, SuspicionInput, TabApi } from '../../../../teams-app/src/api';
import { ApiProblem } from '../../../../teams-app/src/api';
import { problemOf } from '../../../../src/server/problems';
import type { World } from '../../../support/world';

// jsdom's global object has no structuredClone (the core clones records with it): the Node algorithm.
if (typeof globalThis.structuredClone !== 'function') {
  globalThis.structuredClone = (<T>(value: T): T => deserialize(serialize(value)) as T) as typeof structuredClone;
}

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) {
    // as the HTTP client does with a problem document: code, texts and the named fields (never values)
    const e = ApiProblem.of(r.error.code);
    throw new ApiProblem(e.code, e.status, e.messages, problemOf(r.error.code, r.error.details).fields ?? []);
  }
  return r.value;
};

export class CoreTabApi implements TabApi {
  readonly meetings: MeetingService;
  constructor(
    readonly world: World,
    readonly user: User,
  ) {
    this.meetings = new MeetingService(world.sp, world.store, world.clock);
  }

  as(user: User): CoreTabApi {
    return new CoreTabApi(this.world, user);
  }

  async me(): Promise<Me> {
    // as the server: only a user known to the registry gets past authentication.
    const known = await this.world.store.getUser(this.user.id);
    if (!known) throw ApiProblem.of('AUTH.FORBIDDEN');
    const org = await this.world.store.getOrganisation(known.organisationId);
    return {
      user: { id: known.id, organisationId: known.organisationId, roles: [...known.roles] },
      organisation: org ? { id: org.id, name: org.name, type: org.type, member: org.joinedOn !== undefined } : null,
      mode: 'local',
    };
  }
  /** as the server's getCatalogue (src/server/operations.ts): the constants with the reference data's lists valid now, as JSON carries them. */
  async catalogue(): Promise<Catalogue> {
    const body = { ...CATALOGUE, ...managedCatalogueOn(await this.world.sp.reference.history(), this.world.clock.now().toISOString()) };
    return JSON.parse(JSON.stringify(body)) as Catalogue;
  }
  async findMeeting(teamsMeetingId: string) {
    const r = await this.meetings.findByTeamsMeeting(this.user, teamsMeetingId);
    if (!r.ok && r.error.code === 'MEETING.NOT_FOUND') return undefined;
    return unwrap(r);
  }
  async createMeeting(input: { teamsMeetingId: string; title: string; scheduledOn: string }) {
    return unwrap(await this.meetings.create(this.user, input));
  }
  async agenda(meetingId: string) {
    return unwrap(await this.meetings.agenda(this.user, meetingId));
  }
  async candidates() {
    return unwrap(await this.world.sp.listCases(this.user, { phases: ['INBRENG', 'BESPREKING', 'OPVOLGING', 'REFLECTIE'], limit: 200 })).items;
  }
  async setAgenda(meetingId: string, caseIds: string[], expectedVersion: number) {
    return unwrap(await this.meetings.setAgenda(this.user, meetingId, { caseIds, expectedVersion }));
  }
  async start(meetingId: string) {
    return unwrap(await this.meetings.start(this.user, meetingId, {}));
  }
  async end(meetingId: string, opts: { moveUndecided?: boolean } = {}) {
    return unwrap(await this.meetings.end(this.user, meetingId, opts.moveUndecided ? { moveUndecided: true } : {}));
  }
  async shareToStage(meetingId: string, itemId: string | null) {
    return unwrap(await this.meetings.shareToStage(this.user, meetingId, { itemId }));
  }
  async stage(meetingId: string) {
    return unwrap(await this.meetings.stage(this.user, meetingId));
  }
  async minutes(meetingId: string) {
    return unwrap(await this.meetings.minutes(this.user, meetingId));
  }
  async minutesMarkdown(meetingId: string, locale: 'nl-NL' | 'en-US') {
    return minutesToMarkdown(await this.minutes(meetingId), locale, (id) => id);
  }
  /** the docx rendering itself is the server's (tests/teams-app/browser opens the real download); here: the minutes' Markdown in a Blob. */
  async minutesDocx(meetingId: string, locale: 'nl-NL' | 'en-US') {
    return new Blob([await this.minutesMarkdown(meetingId, locale)], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  }
  async recordStatusNote(meetingId: string, itemId: string, note: string) {
    return unwrap(await this.meetings.recordStatusNote(this.user, meetingId, { itemId, note }));
  }
  async setAttendees(meetingId: string, attendees: Attendee[], expectedVersion: number) {
    return unwrap(await this.meetings.setAttendees(this.user, meetingId, { attendees, expectedVersion }));
  }
  async decideSuspicion(caseId: string, input: SuspicionInput, commandId: string) {
    return unwrap(await this.world.sp.execute('decideSuspicion', this.user, { commandId, caseId, ...input }));
  }
  async recordDiscussion(caseId: string, input: DiscussionInput, commandId: string) {
    return unwrap(await this.world.sp.execute('recordDiscussion', this.user, { commandId, caseId, ...input }));
  }
}
