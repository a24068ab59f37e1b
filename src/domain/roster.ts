/**
 * Who is who: the Koordinierungsstelle and the staff of each Gemeinde, keyed by their Entra object id
 * (and tenant). Every message and card action is authorised against this, never against card data.
 */
import type { Actor, Role } from './actor';
import { actorRef, AuditEntry } from './audit';
import { DomainError } from './errors';

export interface RosterEntry {
  /** Entra (Azure AD) object id of the user: stable across chats, unlike the Teams user id. */
  aadObjectId: string;
  /** The user's tenant; absent when the bot runs for one tenant only. */
  tenantId?: string;
  name: string;
  role: Role;
  /** For staff of a Gemeinde. */
  ags?: string;
  assigned: { at: string; by: string };
}

export interface Roster {
  entries: RosterEntry[];
  events: AuditEntry[];
}

export interface Identity {
  aadObjectId: string;
  tenantId?: string;
  name: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isObjectId(text: string): boolean {
  return GUID.test(text);
}

export function emptyRoster(): Roster {
  return { entries: [], events: [] };
}

function matches(entry: RosterEntry, who: { aadObjectId: string; tenantId?: string }): boolean {
  return entry.aadObjectId.toLowerCase() === who.aadObjectId.toLowerCase() && (!entry.tenantId || !who.tenantId || entry.tenantId.toLowerCase() === who.tenantId.toLowerCase());
}

/**
 * The actor behind an identity: a configured first coordinator (INTM_COORDINATORS), else the roster's
 * entry; undefined for a user without a role.
 */
export function resolveActor(roster: Roster, identity: Identity, configuredCoordinators: readonly string[]): Actor | undefined {
  const id = identity.aadObjectId.toLowerCase();
  if (configuredCoordinators.some((c) => c.toLowerCase() === id)) {
    return { id, name: identity.name, role: 'koordination' };
  }
  const entry = roster.entries.find((e) => matches(e, identity));
  if (!entry) return undefined;
  return { id, name: identity.name || entry.name, role: entry.role, ...(entry.ags ? { ags: entry.ags } : {}) };
}

export interface AssignCommand {
  aadObjectId: string;
  tenantId?: string;
  name: string;
  role: Role;
  ags?: string;
}

/** The Koordinierungsstelle gives a user a role (replacing any earlier one). Assigning the same again changes nothing. */
export function assignRole(roster: Roster, cmd: AssignCommand, actor: Actor, now: string): { roster: Roster; entry?: AuditEntry } {
  if (actor.role !== 'koordination') throw new DomainError('auth.koordinationOnly');
  if (!isObjectId(cmd.aadObjectId)) throw new DomainError('roster.badObjectId', { value: cmd.aadObjectId });
  if (cmd.role === 'gemeinde' && !cmd.ags) throw new DomainError('roster.agsRequired');
  if (cmd.role === 'koordination' && cmd.ags) throw new DomainError('roster.noAgsForKoordination');
  const name = cmd.name.trim().slice(0, 100) || cmd.aadObjectId;
  const existing = roster.entries.find((e) => matches(e, cmd));
  if (existing && existing.role === cmd.role && existing.ags === cmd.ags) return { roster };
  const next: RosterEntry = {
    aadObjectId: cmd.aadObjectId.toLowerCase(),
    ...(cmd.tenantId ? { tenantId: cmd.tenantId } : {}),
    name,
    role: cmd.role,
    ...(cmd.ags ? { ags: cmd.ags } : {}),
    assigned: { at: now, by: actor.name },
  };
  const entry: AuditEntry = {
    at: now,
    actor: actorRef(actor),
    action: 'roster.assign',
    ...(cmd.ags ? { ags: cmd.ags } : {}),
    subject: next.aadObjectId,
    before: existing ? { rolle: existing.role, ags: existing.ags ?? null } : null,
    after: { rolle: next.role, ags: next.ags ?? null, name },
  };
  return {
    roster: { entries: [...roster.entries.filter((e) => e !== existing), next], events: [...roster.events, entry] },
    entry,
  };
}

export function removeRole(roster: Roster, who: { aadObjectId: string; tenantId?: string }, actor: Actor, now: string): { roster: Roster; entry?: AuditEntry } {
  if (actor.role !== 'koordination') throw new DomainError('auth.koordinationOnly');
  const existing = roster.entries.find((e) => matches(e, who));
  if (!existing) return { roster };
  const entry: AuditEntry = {
    at: now,
    actor: actorRef(actor),
    action: 'roster.remove',
    ...(existing.ags ? { ags: existing.ags } : {}),
    subject: existing.aadObjectId,
    before: { rolle: existing.role, ags: existing.ags ?? null, name: existing.name },
    after: null,
  };
  return { roster: { entries: roster.entries.filter((e) => e !== existing), events: [...roster.events, entry] }, entry };
}
