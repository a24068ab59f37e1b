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

/** The entries of each stored roster by object id (lower case): every turn resolves its actor. */
const byObjectId = new WeakMap<Roster, Map<string, RosterEntry[]>>();

/**
 * The entries that may match an object id. A roster as stored is frozen (never changed, only replaced):
 * its index is built once. Any other is searched through.
 */
function candidates(roster: Roster, id: string): readonly RosterEntry[] {
  if (!Object.isFrozen(roster) || !Object.isFrozen(roster.entries)) return roster.entries;
  let index = byObjectId.get(roster);
  if (!index) {
    index = new Map();
    for (const e of roster.entries) {
      const key = e.aadObjectId.toLowerCase();
      index.set(key, [...(index.get(key) ?? []), e]);
    }
    byObjectId.set(roster, index);
  }
  return index.get(id) ?? [];
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
  const entries = candidates(roster, id).filter((e) => matches(e, identity));
  const entry = entries[0];
  if (!entry) return undefined;
  // A clerk of several Gemeinden (assigned "additionally"): all of them, the first one as hers by default.
  const gemeinden = entries.flatMap((e) => (e.role === 'gemeinde' && e.ags ? [e.ags] : []));
  return { id, name: identity.name || entry.name, role: entry.role, ...(entry.ags ? { ags: entry.ags } : {}), ...(gemeinden.length > 1 ? { gemeinden } : {}) };
}

export interface AssignCommand {
  aadObjectId: string;
  tenantId?: string;
  name: string;
  role: Role;
  ags?: string;
  /** Staff only: this Gemeinde in addition to those the user already works for (a clerk of several Gemeinden). */
  additional?: boolean;
}

/**
 * The Koordinierungsstelle gives a user a role (replacing any earlier one, or – `additional`, for staff –
 * one more Gemeinde besides theirs). Assigning the same again changes nothing.
 */
export function assignRole(roster: Roster, cmd: AssignCommand, actor: Actor, now: string): { roster: Roster; entry?: AuditEntry } {
  if (actor.role !== 'koordination') throw new DomainError('auth.koordinationOnly');
  if (!isObjectId(cmd.aadObjectId)) throw new DomainError('roster.badObjectId', { value: cmd.aadObjectId });
  if (cmd.role === 'gemeinde' && !cmd.ags) throw new DomainError('roster.agsRequired');
  if (cmd.role === 'koordination' && cmd.ags) throw new DomainError('roster.noAgsForKoordination');
  const name = cmd.name.trim().slice(0, 100) || cmd.aadObjectId;
  const all = roster.entries.filter((e) => matches(e, cmd));
  const existing = all[0];
  if (all.length === 1 && existing.role === cmd.role && existing.ags === cmd.ags) return { roster };
  const adding = cmd.additional === true && cmd.role === 'gemeinde' && all.length > 0 && all.every((e) => e.role === 'gemeinde');
  if (adding && all.some((e) => e.ags === cmd.ags)) return { roster };
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
    before: adding || !existing ? null : { rolle: existing.role, ags: all.map((e) => e.ags).filter(Boolean).join(', ') || null },
    after: { rolle: next.role, ags: next.ags ?? null, name, ...(adding ? { zusaetzlich: true } : {}) },
  };
  // Without `additional` the new role replaces every earlier one of the user.
  const kept = adding ? roster.entries : roster.entries.filter((e) => !all.includes(e));
  return { roster: { entries: [...kept, next], events: [...roster.events, entry] }, entry };
}

export function removeRole(roster: Roster, who: { aadObjectId: string; tenantId?: string }, actor: Actor, now: string): { roster: Roster; entry?: AuditEntry } {
  if (actor.role !== 'koordination') throw new DomainError('auth.koordinationOnly');
  const all = roster.entries.filter((e) => matches(e, who));
  if (!all.length) return { roster };
  // Every role of the user goes (a clerk of several Gemeinden: one audit entry per Gemeinde).
  const entries: AuditEntry[] = all.map((existing) => ({
    at: now,
    actor: actorRef(actor),
    action: 'roster.remove',
    ...(existing.ags ? { ags: existing.ags } : {}),
    subject: existing.aadObjectId,
    before: { rolle: existing.role, ags: existing.ags ?? null, name: existing.name },
    after: null,
  }));
  return { roster: { entries: roster.entries.filter((e) => !all.includes(e)), events: [...roster.events, ...entries] }, entry: entries[0] };
}
