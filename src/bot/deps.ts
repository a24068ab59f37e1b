/** What the bot's handlers share: the application, roles, conversations, outbound sending, the log. */
import type { IntmApp } from '../app';
import type { ConversationStore } from './conversations';
import type { DownloadLinks } from './downloads';
import type { Logger } from './log';
import type { Outbound } from './outbound';
import type { SummaryCards } from './summaryCards';

export interface BotDeps {
  app: IntmApp;
  conversations: ConversationStore;
  outbound: Outbound;
  summaries: SummaryCards;
  logger: Logger;
  /** Tenants whose users may use the bot (empty: any). */
  tenants: readonly string[];
  /** Signed export links; absent when the server has no public address (PUBLIC_BASE_URL). */
  links?: DownloadLinks;
  /** Local mode (INTM_LOCAL=1): files sent to the bot may also come over plain http from this machine (Agents Playground, tests). */
  localFileDownloads?: boolean;
  /** Days before a deadline on which the Gemeinden are reminded. */
  reminderDays: readonly number[];
}
