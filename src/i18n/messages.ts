/**
 * Every sentence a user can read, by code, in German and English. German is the default; English is
 * used where Teams reports an English locale.
 */
import type { Locale, MessageParams } from './catalogue';
import { coreMessages } from './core';
import { importMessages } from './import';
import { botMessages } from './bot';
import { channelMessages } from './channel';
import { questionMessages } from './questions';
import { verwendungsnachweisMessages } from './verwendungsnachweis';
import { riskMessages } from './risk';
import { nachweisFileMessages } from './nachweisFiles';
import { nachweisStatusMessages } from './nachweisStatus';
import { nachweisBotMessages } from './verwendungsnachweisBot';

export type { Locale, MessageParams } from './catalogue';

const catalogue = {
  ...coreMessages,
  ...importMessages,
  ...botMessages,
  ...channelMessages,
  ...questionMessages,
  ...verwendungsnachweisMessages,
  ...nachweisFileMessages,
  ...nachweisStatusMessages,
  ...nachweisBotMessages,
  ...riskMessages,
};
export type MessageCode = keyof typeof catalogue;

export function translate(code: MessageCode, params: MessageParams, locale: Locale = 'de'): string {
  return catalogue[code][locale](params);
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(catalogue, code);
}
