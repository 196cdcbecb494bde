/**
 * A real zip writer for tests (node:zlib only), so the zip reader is tested on bytes laid out as
 * PKWARE's APPNOTE says, and can be handed the lies an attacker would tell.
 *
 * API:
 *   makeZip(entries, { comment? }): Uint8Array
 *     entry: { name, data (string | bytes), method? 'stored' | 'deflated' (default deflated),
 *              claimedSize? (uncompressed size written in both headers: lie for bomb tests),
 *              crc? (CRC-32 written in both headers: lie for corruption tests),
 *              dataDescriptor? (local header leaves crc and sizes 0, as streaming writers do) }
 *     a name ending in "/" is a directory entry (no data).
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  data?: string | Uint8Array;
  method?: 'stored' | 'deflated';
  claimedSize?: number;
  crc?: number;
  dataDescriptor?: boolean;
}

interface Prepared {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  packed: Buffer;
  flags: number;
  offset: number;
}

export function makeZip(entries: readonly ZipEntrySpec[], options: { comment?: string } = {}): Uint8Array {
  const parts: Buffer[] = [];
  const prepared: Prepared[] = [];
  let offset = 0;
  for (const entry of entries) {
    const p = prepare(entry, offset);
    const local = localHeader(p);
    const descriptor = p.flags & 8 ? dataDescriptor(p) : Buffer.alloc(0);
    parts.push(local, p.packed, descriptor);
    offset += local.length + p.packed.length + descriptor.length;
    prepared.push(p);
  }
  const central = Buffer.concat(prepared.map(centralHeader));
  const comment = Buffer.from(options.comment ?? '', 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(prepared.length, 8);
  end.writeUInt16LE(prepared.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return new Uint8Array(Buffer.concat([...parts, central, end, comment]));
}

function prepare(entry: ZipEntrySpec, offset: number): Prepared {
  const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data ?? new Uint8Array());
  const directory = entry.name.endsWith('/');
  const method = directory || entry.method === 'stored' ? 0 : 8;
  return {
    name: Buffer.from(entry.name, 'utf8'),
    method,
    crc: entry.crc ?? crc32(raw),
    size: entry.claimedSize ?? raw.length,
    packed: method === 8 ? deflateRawSync(raw) : raw,
    flags: 0x0800 | (entry.dataDescriptor ? 8 : 0), // bit 11: names are UTF-8
    offset,
  };
}

function localHeader(p: Prepared): Buffer {
  const h = Buffer.alloc(30);
  const streamed = (p.flags & 8) !== 0;
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(p.flags, 6);
  h.writeUInt16LE(p.method, 8);
  h.writeUInt32LE(streamed ? 0 : p.crc, 14);
  h.writeUInt32LE(streamed ? 0 : p.packed.length, 18);
  h.writeUInt32LE(streamed ? 0 : p.size, 22);
  h.writeUInt16LE(p.name.length, 26);
  return Buffer.concat([h, p.name]);
}

function dataDescriptor(p: Prepared): Buffer {
  const d = Buffer.alloc(16);
  d.writeUInt32LE(0x08074b50, 0);
  d.writeUInt32LE(p.crc, 4);
  d.writeUInt32LE(p.packed.length, 8);
  d.writeUInt32LE(p.size, 12);
  return d;
}

function centralHeader(p: Prepared): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(p.flags, 8);
  h.writeUInt16LE(p.method, 10);
  h.writeUInt32LE(p.crc, 16);
  h.writeUInt32LE(p.packed.length, 20);
  h.writeUInt32LE(p.size, 24);
  h.writeUInt16LE(p.name.length, 28);
  h.writeUInt32LE(p.offset, 42);
  return Buffer.concat([h, p.name]);
}
