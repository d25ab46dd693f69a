// Small builders of zip and .xlsx files for the import tests: honest parts, zip bombs made of one
// deflated chunk repeated (a few MB that inflate to GiBs), and a minimal workbook around them.
// Used by hostile_import.test.mjs and import_worker.test.mjs.

import zlib from 'node:zlib';

export const MIB = 1024 * 1024;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Raw deflate of `chunk` repeated `times` times: compressed once with a full flush (byte-aligned,
 * no references across it), the bytes repeated, then a final empty fixed-Huffman block. */
export function repeatedDeflate(chunk, times) {
  const once = zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array(times).fill(once), Buffer.from([0x03, 0x00])]);
}

/** A deflated part, honest. */
export function deflated(name, text) {
  const content = Buffer.from(text);
  return { name, method: 8, data: zlib.deflateRawSync(content), crc: zlib.crc32(content), size: content.length };
}

/** A zip of `parts` ({name, method, data, crc, size, flags?}); sizes must fit 32 bits. */
export function zip(parts) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const fields = (central) => {
      const h = Buffer.alloc(central ? 46 : 30);
      h.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      let at = 4;
      if (central) {
        h.writeUInt16LE(20, at);
        at += 2;
      }
      h.writeUInt16LE(20, at);
      h.writeUInt16LE(p.flags ?? 0, at + 2);
      h.writeUInt16LE(p.method, at + 4);
      h.writeUInt16LE(0, at + 6);
      h.writeUInt16LE(0x21, at + 8);
      h.writeUInt32LE(p.crc >>> 0, at + 10);
      h.writeUInt32LE(p.data.length, at + 14);
      h.writeUInt32LE(p.size, at + 18);
      h.writeUInt16LE(name.length, at + 22);
      if (central) h.writeUInt32LE(offset, 42);
      return Buffer.concat([h, name]);
    };
    const local = Buffer.concat([fields(false), p.data]);
    centrals.push(fields(true));
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The parts of a workbook besides its sheet and shared strings. */
export const FRAME = [
  deflated('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>'),
  deflated('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
  deflated('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
  deflated('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
];
/** A two-row sheet (客户名称 / 华远通信) and its shared strings. */
export const SHEET = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>华远通信</t></is></c></row></sheetData></worksheet>';
export const SHARED = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>客户名称</t></si></sst>';

/** A bomb part: `chunk` × `times`, declared at `declared` bytes (honest by default); its CRC is
 * 0, so a reader that inflates it all refuses it for the checksum at the latest. */
export function bomb(name, chunk, times, declared = chunk.length * times) {
  return { name, method: 8, data: repeatedDeflate(chunk, times), crc: 0, size: declared };
}

/** A workbook with `sheet` and `shared` parts (the two-row ones when not given). */
export function workbook(sheet, shared) {
  return zip([...FRAME, sheet ?? deflated('xl/worksheets/sheet1.xml', SHEET), shared ?? deflated('xl/sharedStrings.xml', SHARED)]);
}
