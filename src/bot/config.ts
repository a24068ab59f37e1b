/**
 * The bot's configuration, from the environment, checked at start: every wrong value gets its own
 * German sentence and the bot does not start with a half-valid configuration.
 */
import { isObjectId } from '../domain/roster';
import { frozenNow } from '../storage/systemClock';
import { checkSchedule, checkTimezone, DEFAULT_CRON, DEFAULT_TIMEZONE, type ScheduleConfig } from './scheduler';

export type BotType = 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';

export interface BotConfig {
  /** Microsoft App ID of the Azure Bot; empty only in local mode. */
  botId: string;
  botPassword: string;
  botTenantId: string;
  botType: BotType;
  port: number;
  /** 127.0.0.1 in local mode, all interfaces otherwise. */
  host: string;
  local: boolean;
  dataDir?: string;
  /** Entra object ids of the first coordinators. */
  coordinators: string[];
  /** Tenants whose users may use the bot; empty: the bot's own tenant only when single-tenant, else any. */
  tenants: string[];
  /** Where the bot's own server is reachable for export download links (https in production). */
  publicBaseUrl?: string;
  /** INTM_LINK_SECRET as checked (at least 32 characters); required with a database. */
  linkSecret?: string;
  /**
   * Where Microsoft publishes the keys that sign Teams' tokens (OpenID metadata); undefined: botbuilder's
   * default for the public cloud. For sovereign clouds and for tests (an address that cannot be reached).
   */
  openIdMetadataUrl?: string;
  /** PostgreSQL shared by all instances (INTM_DATABASE_URL); the embedded store in the data directory when absent. */
  databaseUrl?: string;
  /** Digest and reminders; undefined when switched off (INTM_SCHEDULER=off). */
  schedule?: ScheduleConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Konfiguration ungültig:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,;\s]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv): BotConfig {
  const problems: string[] = [];
  const botId = (env.BOT_ID ?? '').trim();
  const botPassword = (env.BOT_PASSWORD ?? '').trim();
  const botTenantId = (env.BOT_TENANT_ID ?? '').trim();
  const botType = ((env.BOT_TYPE ?? '').trim() || 'SingleTenant') as BotType;
  const local = env.INTM_LOCAL === '1';

  if (!['SingleTenant', 'MultiTenant', 'UserAssignedMSI'].includes(botType)) {
    problems.push(`BOT_TYPE „${botType}“ ist unbekannt; erlaubt sind SingleTenant (Standard), MultiTenant und UserAssignedMSI.`);
  }
  if (botId) {
    if (!isObjectId(botId)) problems.push(`BOT_ID „${botId}“ ist keine App-ID (Format xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`);
    if (botType !== 'UserAssignedMSI' && !botPassword) problems.push('BOT_PASSWORD fehlt (das Client-Geheimnis der App-Registrierung).');
    if (botType !== 'MultiTenant' && !isObjectId(botTenantId)) {
      problems.push(`BOT_TENANT_ID fehlt oder ist ungültig; ${botType} braucht die Mandanten-ID (Tenant ID) des Landratsamts.`);
    }
    if (local) problems.push('INTM_LOCAL=1 ist nur ohne BOT_ID erlaubt (lokaler Betrieb ohne Anmeldung).');
  } else if (!local) {
    problems.push('BOT_ID fehlt. Ohne App-ID nimmt der Bot Anfragen ohne Anmeldung an; das ist nur lokal erlaubt: INTM_LOCAL=1 setzen.');
  }

  const portText = (env.PORT ?? '3978').trim();
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PORT „${portText}“ ist keine Portnummer (0–65535).`);

  const coordinators = list(env.INTM_COORDINATORS);
  for (const c of coordinators) if (!isObjectId(c)) problems.push(`INTM_COORDINATORS: „${c}“ ist keine Entra-Objekt-ID.`);
  const tenants = list(env.INTM_TENANTS);
  for (const t of tenants) if (!isObjectId(t)) problems.push(`INTM_TENANTS: „${t}“ ist keine Mandanten-ID.`);

  const publicBaseUrl = env.PUBLIC_BASE_URL?.trim().replace(/\/$/, '');
  if (publicBaseUrl) {
    const ok = /^https:\/\/[^\s/]+/.test(publicBaseUrl) || (local && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?/.test(publicBaseUrl));
    if (!ok) problems.push(`PUBLIC_BASE_URL „${publicBaseUrl}“ muss mit https:// beginnen (lokal auch http://localhost).`);
  }
  const openIdMetadataUrl = env.BOT_OPENID_METADATA_URL?.trim();
  if (openIdMetadataUrl && !/^https:\/\/[^\s/]+/.test(openIdMetadataUrl) && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(openIdMetadataUrl)) {
    problems.push(`BOT_OPENID_METADATA_URL „${openIdMetadataUrl}“ muss mit https:// beginnen (für Tests auch http://127.0.0.1).`);
  }
  const secret = env.INTM_LINK_SECRET?.trim();
  if (secret && secret.length < 32) problems.push('INTM_LINK_SECRET muss mindestens 32 Zeichen lang sein.');
  const databaseUrl = env.INTM_DATABASE_URL?.trim();
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('INTM_DATABASE_URL muss mit postgres:// oder postgresql:// beginnen.');
    // Every instance must sign and check download links with the same key: a key of its own data directory would not do.
    if (!secret) problems.push('INTM_LINK_SECRET fehlt: mit INTM_DATABASE_URL (mehrere Instanzen) brauchen alle Instanzen denselben Schlüssel für Download-Links (mindestens 32 Zeichen, z. B. openssl rand -base64 48).');
    if (env.INTM_DATA_DIR?.trim()) problems.push('INTM_DATA_DIR und INTM_DATABASE_URL schließen sich aus: die Daten liegen entweder im Datenverzeichnis oder in PostgreSQL.');
  }

  const cron = (env.INTM_DIGEST_CRON ?? '').trim() || DEFAULT_CRON;
  const timezone = (env.INTM_TIMEZONE ?? '').trim() || DEFAULT_TIMEZONE;
  if (!checkTimezone(timezone)) {
    problems.push(`INTM_TIMEZONE „${timezone}“ ist keine bekannte Zeitzone; erwartet wird ein IANA-Name wie Europe/Berlin (Standard).`);
  } else {
    try {
      checkSchedule(cron, timezone);
    } catch (e) {
      problems.push(`INTM_DIGEST_CRON: ${(e as Error).message}`);
    }
  }
  const daysText = (env.INTM_REMINDER_DAYS ?? '').trim() || '7,1';
  const dayItems = daysText.split(/\s*[,;]\s*|\s+/);
  const reminderDays = dayItems.map(Number);
  // Each item a whole number: "7," must not become a reminder on the deadline day itself (Number('') is 0).
  if (dayItems.some((d) => !/^\d+$/.test(d)) || reminderDays.some((d) => d > 60)) problems.push(`INTM_REMINDER_DAYS „${daysText}“: ganze Tage 0–60, durch Komma getrennt.`);
  // Only "off" switches the jobs off; any other value is a typo ("aus", "0") that would send reminders unintended.
  const schedulerText = (env.INTM_SCHEDULER ?? '').trim();
  if (schedulerText !== '' && schedulerText !== 'off') problems.push(`INTM_SCHEDULER „${schedulerText}“: erlaubt ist nur off (kein Statusbericht, keine Erinnerungen) oder nichts.`);
  const schedulerOff = schedulerText === 'off';

  // A frozen clock moves no deadline, reminder or digest forward: only for demos and tests, never with real users.
  const now = frozenNow(env);
  if (now !== undefined && Number.isNaN(new Date(now).getTime())) problems.push(`INTM_NOW „${now}“ ist kein Zeitpunkt (ISO, z. B. 2027-01-10T09:00:00Z).`);
  if (now !== undefined && !local) {
    problems.push('INTM_NOW (eingefrorene Uhr) ist nur im lokalen Betrieb erlaubt (INTM_LOCAL=1, ohne BOT_ID): Fristen, Erinnerungen und Statusbericht liefen sonst nach einer falschen Uhr. Bitte INTM_NOW entfernen.');
  }

  if (problems.length) throw new ConfigError(problems);
  return {
    botId,
    botPassword,
    botTenantId,
    botType,
    port,
    host: local ? '127.0.0.1' : '0.0.0.0',
    local,
    ...(env.INTM_DATA_DIR ? { dataDir: env.INTM_DATA_DIR } : {}),
    coordinators,
    // Without INTM_TENANTS only the own tenant may talk to the bot – also with a managed identity, which is
    // single-tenant too; a MultiTenant registration without a list lets every tenant in (roles still apply).
    // Lower case, as tenantOf reads them from activities: a GUID written in upper case is the same tenant.
    tenants: (tenants.length ? tenants : botType !== 'MultiTenant' && botTenantId ? [botTenantId] : []).map((t) => t.toLowerCase()),
    ...(publicBaseUrl ? { publicBaseUrl } : {}),
    ...(openIdMetadataUrl ? { openIdMetadataUrl } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(secret ? { linkSecret: secret } : {}),
    ...(schedulerOff ? {} : { schedule: { cron, timezone, reminderDays } }),
  };
}
