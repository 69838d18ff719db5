/**
 * Command (idempotency) records on SharePoint: one item per command in SJVCommands (unique CommandId), read
 * by CommandId, deleted by the case's indexed CaseId when a case is purged.
 */
import type { CommandRecord } from '../../core/ports';
import type { SpLists } from './rest';
import { eq, json, str } from './rest';
import { httpStatus } from './sp-client';

/** The command records of the site. */
export class CommandList {
  constructor(private readonly lists: SpLists) {}

  /** Adds a command record; in a replay one that is already there is left as it is. */
  async putCommand(c: CommandRecord, replay: boolean): Promise<void> {
    if (replay && (await this.readCommand(c.commandId))) return;
    try {
      await this.lists.items('commands').add({
        Title: c.commandId,
        CommandId: c.commandId,
        Name: c.name,
        ActorId: c.actorId,
        Fingerprint: c.fingerprint,
        CaseId: c.caseId,
        ResultJson: JSON.stringify(c.result),
        At: c.at,
      });
    } catch (e) {
      if (!(replay && httpStatus(e) === 409)) throw e; // unique CommandId: another replay was first
    }
  }

  /** Deletes every command record of a case (the list has versioning off: nothing of it survives). */
  async deleteCommands(caseId: string): Promise<void> {
    for (;;) {
      const rows = await this.lists.collect('commands', { filter: eq('CaseId', caseId), select: ['CaseId'], limit: this.lists.pageSize });
      if (rows.length === 0) return;
      for (const r of rows) {
        try {
          await this.lists.items('commands').getById(r.Id).delete();
        } catch (e) {
          if (httpStatus(e) !== 404) throw e; // another instance deleted it first
        }
      }
    }
  }

  async readCommand(commandId: string): Promise<CommandRecord | undefined> {
    const [c] = await this.lists.collect('commands', { filter: eq('CommandId', commandId), select: ['CommandId', 'Name', 'ActorId', 'Fingerprint', 'CaseId', 'ResultJson', 'At'], limit: 1 });
    if (!c) return undefined;
    return {
      commandId: str(c.CommandId),
      name: str(c.Name),
      actorId: str(c.ActorId),
      fingerprint: str(c.Fingerprint),
      caseId: typeof c.CaseId === 'string' ? c.CaseId : null,
      result: json<unknown>(c.ResultJson),
      at: str(c.At),
    };
  }
}
