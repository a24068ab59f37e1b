/**
 * Unpacks the few parts of an .xlsx we read, ourselves and within limits, before exceljs sees them.
 *
 * exceljs unpacks whatever the zip holds and parses it with no bound on its nesting. A hostile (or
 * broken) upload of a few MB could so take the whole bot down – and with it every Gemeinde's clicks:
 * - a zip bomb whose directory lies about the unpacked size (it is only a claim) inflates to GBs;
 * - XML nested millions of levels deep fills the parser's stack of open tags (a 250 KB file did);
 * - a worksheet cut off in the middle ends the row stream early, so rows would silently be missing.
 * So each part is inflated here with a hard output limit, its nesting is checked (xlsx parts are
 * about seven levels deep) and it must close every element it opens. Only then does exceljs get the
 * part – the same bytes, which it inflates again as a stream (handing it the unpacked part instead
 * made exceljs hold it whole: six times the memory).
 */
import zlib from 'node:zlib';
import { DomainError } from '../domain/errors';

export interface ZipEntry {
  name: string;
  /** Of the local header. */
  offset: number;
  /** 0 stored, 8 deflated (the only two an .xlsx uses). */
  method: number;
  compressedSize: number;
}

/** Far above any part Excel, LibreOffice or exceljs write (worksheet › sheetData › row › c › is › r › t). */
export const MAX_XML_DEPTH = 32;

/** The unpacked bytes of one entry; refuses beyond `maxBytes` whatever the zip claims. */
export function unpackEntry(zip: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  // The local header must say what the directory says: a reader that goes by the local header (exceljs
  // does) then reads the same bytes that were checked here.
  if (zip.readUInt16LE(entry.offset + 8) !== entry.method) throw new DomainError('import.unreadable');
  const sizesFollowData = (zip.readUInt16LE(entry.offset + 6) & 0x08) !== 0;
  if (!sizesFollowData && zip.readUInt32LE(entry.offset + 18) !== entry.compressedSize) throw new DomainError('import.unreadable');
  const nameLength = zip.readUInt16LE(entry.offset + 26);
  const extraLength = zip.readUInt16LE(entry.offset + 28);
  const start = entry.offset + 30 + nameLength + extraLength;
  const data = zip.subarray(start, start + entry.compressedSize);
  if (start + entry.compressedSize > zip.length) throw new DomainError('import.unreadable');
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new DomainError('import.unzippedTooLarge', { max: maxBytes });
    return data;
  }
  if (entry.method !== 8) throw new DomainError('import.unreadable');
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new DomainError('import.unzippedTooLarge', { max: maxBytes });
    throw new DomainError('import.unreadable');
  }
}

/**
 * Checks that an XML part nests at most `maxDepth` elements and closes each one it opens (a part cut
 * off, or with more closing than opening tags, is damaged). A scan over the bytes, not a parse:
 * comments, processing instructions, CDATA and declarations are skipped; quotes in tags are honoured.
 */
export function assertWellNested(xml: Buffer, maxDepth = MAX_XML_DEPTH): void {
  let depth = 0;
  let i = xml.indexOf(0x3c); // <
  while (i !== -1) {
    const next = xml[i + 1];
    let end: number;
    if (next === 0x2f) {
      // </name>
      if (--depth < 0) throw new DomainError('import.unreadable');
      end = xml.indexOf(0x3e, i);
    } else if (next === 0x3f) {
      end = endOf(xml, i, '?>');
    } else if (next === 0x21) {
      end = xml.subarray(i, i + 4).toString('latin1') === '<!--' ? endOf(xml, i, '-->') : xml.subarray(i, i + 9).toString('latin1') === '<![CDATA[' ? endOf(xml, i, ']]>') : xml.indexOf(0x3e, i);
    } else {
      end = tagEnd(xml, i + 1);
      if (end !== -1 && xml[end - 1] !== 0x2f && ++depth > maxDepth) throw new DomainError('import.unreadable');
    }
    if (end === -1) throw new DomainError('import.unreadable');
    i = xml.indexOf(0x3c, end);
  }
  if (depth !== 0) throw new DomainError('import.unreadable');
}

function endOf(xml: Buffer, from: number, marker: string): number {
  const at = xml.indexOf(marker, from + 2, 'latin1');
  return at === -1 ? -1 : at + marker.length - 1;
}

/** The `>` that ends a start tag, skipping quoted attribute values (which may contain `>`). */
function tagEnd(xml: Buffer, from: number): number {
  let quote = 0;
  for (let j = from; j < xml.length; j++) {
    const b = xml[j];
    if (quote) {
      if (b === quote) quote = 0;
    } else if (b === 0x22 || b === 0x27) quote = b;
    else if (b === 0x3e) return j;
  }
  return -1;
}

/** A zip entry (local header and data), stored uncompressed, as exceljs's streaming unzipper reads it. */
export function storedEntry(name: string, data: Buffer): Buffer {
  const fileName = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed
  header.writeUInt16LE(0x0800, 6); // names in UTF-8
  header.writeUInt32LE(zlib.crc32(data), 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(fileName.length, 26);
  return Buffer.concat([header, fileName, data]);
}
