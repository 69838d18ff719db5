/** The registry on SharePoint: organisations (SJVOrganisations) and users (SJVUsers), one JSON item each. */
import type { Organisation, User } from '../../core/model';
import type { SpLists } from './rest';
import { eq, guard, json } from './rest';

/** The organisations and users of the site. */
export class RegistryLists {
  constructor(private readonly lists: SpLists) {}

  getOrganisation(id: string): Promise<Organisation | undefined> {
    return guard(async () => {
      const [row] = await this.lists.collect('organisations', { filter: eq('OrganisationId', id), select: ['Json'], limit: 1 });
      return row ? json<Organisation>(row.Json) : undefined;
    });
  }
  listOrganisations(): Promise<Organisation[]> {
    return guard(async () =>
      (await this.lists.collect('organisations', { select: ['OrganisationId', 'Json'] }))
        .map((r) => json<Organisation>(r.Json)!)
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
  }
  putOrganisation(org: Organisation): Promise<void> {
    return guard(async () => {
      const [row] = await this.lists.collect('organisations', { filter: eq('OrganisationId', org.id), select: ['OrganisationId'], limit: 1 });
      await this.lists.upsert('organisations', row?.Id, { Title: org.id, OrganisationId: org.id, Json: JSON.stringify(org) });
    });
  }
  getUser(id: string): Promise<User | undefined> {
    return guard(async () => {
      const [row] = await this.lists.collect('users', { filter: eq('UserId', id), select: ['Json'], limit: 1 });
      return row ? json<User>(row.Json) : undefined;
    });
  }
  getUserByAadObjectId(aadObjectId: string): Promise<User | undefined> {
    return guard(async () => {
      const [row] = await this.lists.collect('users', { filter: eq('AadObjectId', aadObjectId), select: ['Json'], limit: 1 });
      return row ? json<User>(row.Json) : undefined;
    });
  }
  listUsers(): Promise<User[]> {
    return guard(async () =>
      (await this.lists.collect('users', { select: ['UserId', 'Json'] })).map((r) => json<User>(r.Json)!).sort((a, b) => a.id.localeCompare(b.id)),
    );
  }
  putUser(user: User): Promise<void> {
    return guard(async () => {
      const [row] = await this.lists.collect('users', { filter: eq('UserId', user.id), select: ['UserId'], limit: 1 });
      await this.lists.upsert('users', row?.Id, { Title: user.id, UserId: user.id, AadObjectId: user.aadObjectId ?? null, Json: JSON.stringify(user) });
    });
  }
}
