/**
 * The audit trail: every change with who, when, what (before/after) and why. It is the evidence for
 * the Verwendungsnachweis, so entries are only ever appended.
 */
import type { Actor } from './actor';

export type AuditAction =
  | 'campaign.create'
  | 'campaign.update'
  | 'campaign.import'
  | 'campaign.publish'
  | 'campaign.purge'
  | 'list.sent'
  | 'person.strike'
  | 'person.unstrike'
  | 'person.addChild'
  | 'person.addOther'
  | 'person.withdraw'
  | 'person.accept'
  | 'person.reject'
  | 'list.submit'
  | 'list.reopen'
  | 'decision.set'
  | 'decision.confirm'
  | 'decision.withdrawConfirmation'
  | 'decision.reset'
  | 'roster.assign'
  | 'roster.remove'
  | 'channel.register'
  | 'channel.unregister'
  | 'vn.open'
  | 'vn.deadline'
  | 'vn.save'
  | 'vn.submit'
  | 'vn.return'
  | 'vn.accept'
  | 'vn.landkreis'
  | 'vn.fileAttach'
  | 'vn.fileRemove';

export interface ActorRef {
  id: string;
  name: string;
  role: Actor['role'];
}

export interface AuditEntry {
  /** ISO timestamp. */
  at: string;
  actor: ActorRef;
  action: AuditAction;
  /** The Gemeinde the change concerns (absent for district-wide changes). */
  ags?: string;
  /** A person id or the Gemeinde whose decision changed. */
  subject?: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
  /** The client's operation id: the same id twice is applied once. */
  opId?: string;
  /** The document's revision after this change. */
  revision?: number;
}

export function actorRef(actor: Actor): ActorRef {
  return { id: actor.id, name: actor.name, role: actor.role };
}
