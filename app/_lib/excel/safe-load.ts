import "server-only";
import ExcelJS from "exceljs";
import yauzl from "yauzl";
import { ACTION_FILE_MAX_BYTES, MB } from "@/domain/upload-limits";

/**
 * Reading an uploaded .xlsx without letting it take the process down. An .xlsx is a zip: a 481 KB
 * file can hold a 450 MB shared string, and a 1.9 MB one 380,000 rows, and exceljs builds all of it
 * in memory. So before exceljs sees a byte, every zip entry is inflated here once with a running
 * byte count (yauzl also checks that each entry inflates to the size its header declares) and the
 * upload is refused as soon as a limit is passed; rows are counted in the sheet XML on the way.
 * What reaches exceljs is therefore bounded (a few MB of XML), and its heap use with it.
 * One upload at a time per user, so parallel uploads cannot multiply the memory either.
 */
export interface UploadLimits {
  /** The file as uploaded. */
  maxFileBytes: number;
  /** All zip entries inflated, together. */
  maxInflatedBytes: number;
  /** xl/sharedStrings.xml inflated. */
  maxSharedStringsBytes: number;
  /** Rows over all worksheets. */
  maxRows: number;
  /** Characters in one cell. */
  maxCellChars: number;
  /** Zip entries. */
  maxEntries: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: 3 * MB,
  maxInflatedBytes: 40 * 1024 * 1024,
  maxSharedStringsBytes: 8 * 1024 * 1024,
  maxRows: 20_000,
  maxCellChars: 2_000,
  maxEntries: 200,
};

/**
 * Limits from the environment (TUIJIN_UPLOAD_MAX_FILE_MB, …_MAX_ROWS, …_MAX_CELL_CHARS), defaults
 * otherwise. The file limit stays within what a server action's body can carry
 * (domain/upload-limits.ts): above it the upload would be refused before the form could say why.
 */
export function uploadLimits(env: NodeJS.ProcessEnv = process.env): UploadLimits {
  const n = (v: string | undefined, d: number) => {
    const x = Number(v);
    return v && Number.isFinite(x) && x > 0 ? x : d;
  };
  const fileMb = n(env.TUIJIN_UPLOAD_MAX_FILE_MB, DEFAULT_UPLOAD_LIMITS.maxFileBytes / 1024 / 1024);
  return {
    ...DEFAULT_UPLOAD_LIMITS,
    maxFileBytes: Math.min(ACTION_FILE_MAX_BYTES, Math.round(fileMb * 1024 * 1024)),
    maxInflatedBytes: Math.max(DEFAULT_UPLOAD_LIMITS.maxInflatedBytes, Math.round(fileMb * 8 * 1024 * 1024)),
    maxRows: Math.round(n(env.TUIJIN_UPLOAD_MAX_ROWS, DEFAULT_UPLOAD_LIMITS.maxRows)),
    maxCellChars: Math.round(n(env.TUIJIN_UPLOAD_MAX_CELL_CHARS, DEFAULT_UPLOAD_LIMITS.maxCellChars)),
  };
}

/** A refused upload; kind "format" is a file that is not a readable .xlsx at all (callers may word that themselves). */
export class UploadRefused extends Error {
  constructor(
    message: string,
    readonly kind: "format" | "limit" = "limit",
  ) {
    super(message);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => (err || !zip ? reject(err ?? new Error("zip")) : resolve(zip)));
  });
}

/** Inflates every entry once, counting bytes and rows; throws UploadRefused past a limit. */
async function inspect(buffer: Buffer, limits: UploadLimits): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buffer);
  } catch {
    throw new UploadRefused("文件不是有效的 Excel（.xlsx）文件，请用模板另存后再上传", "format");
  }
  let entries = 0;
  let total = 0;
  let rows = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (e: Error) => {
        zip.close();
        reject(e);
      };
      zip.on("error", (e: Error) => fail(e instanceof UploadRefused ? e : new UploadRefused("文件已损坏，无法读取，请重新导出后上传", "format")));
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        if (++entries > limits.maxEntries) return fail(new UploadRefused(`文件内部结构异常（超过 ${limits.maxEntries} 个部件），未读取`));
        const name = entry.fileName;
        const isShared = name === "xl/sharedStrings.xml";
        const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(name);
        if (total + entry.uncompressedSize > limits.maxInflatedBytes) return fail(new UploadRefused(`文件解压后超过 ${mb(limits.maxInflatedBytes)}，未读取；请只保留模板中的工作表和数据`));
        if (isShared && entry.uncompressedSize > limits.maxSharedStringsBytes) return fail(new UploadRefused(`文件中的文字内容超过 ${mb(limits.maxSharedStringsBytes)}（可能有异常长的单元格），未读取`));
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return fail(new UploadRefused("文件已损坏，无法读取，请重新导出后上传", "format"));
          let own = 0;
          let tail = "";
          stream.on("data", (chunk: Buffer) => {
            own += chunk.length;
            total += chunk.length;
            if (total > limits.maxInflatedBytes) {
              stream.destroy();
              return fail(new UploadRefused(`文件解压后超过 ${mb(limits.maxInflatedBytes)}，未读取；请只保留模板中的工作表和数据`));
            }
            if (isShared && own > limits.maxSharedStringsBytes) {
              stream.destroy();
              return fail(new UploadRefused(`文件中的文字内容超过 ${mb(limits.maxSharedStringsBytes)}（可能有异常长的单元格），未读取`));
            }
            if (isSheet) {
              // Count "<row" tags, also across chunk boundaries.
              const text = tail + chunk.toString("latin1");
              rows += text.split("<row").length - 1 - (tail.split("<row").length - 1);
              tail = text.slice(-4);
              if (rows > limits.maxRows) {
                stream.destroy();
                return fail(new UploadRefused(`文件超过 ${limits.maxRows.toLocaleString("zh-CN")} 行，未读取；请只上传本月模板中的数据`));
              }
            }
          });
          stream.on("error", () => fail(new UploadRefused("文件已损坏，无法读取，请重新导出后上传", "format")));
          stream.on("end", () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/**
 * Loads an uploaded workbook within the limits, or throws UploadRefused with a Chinese message
 * for the clerk. Cells longer than maxCellChars are refused too (no silent truncation).
 */
export async function loadWorkbookSafely(data: ArrayBuffer | Buffer, limits: UploadLimits = uploadLimits()): Promise<ExcelJS.Workbook> {
  const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data);
  if (buffer.length === 0) throw new UploadRefused("上传的文件是空的");
  if (buffer.length > limits.maxFileBytes) throw new UploadRefused(`文件大小 ${mb(buffer.length)}，超过上限 ${mb(limits.maxFileBytes)}，未读取`);
  await inspect(buffer, limits);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new UploadRefused("文件不是有效的 Excel（.xlsx）文件，请用模板另存后再上传", "format");
  }
  for (const ws of wb.worksheets) {
    ws.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        const v = cell.value;
        const len = typeof v === "string" ? v.length : v && typeof v === "object" && "richText" in v ? v.richText.reduce((s, t) => s + t.text.length, 0) : 0;
        if (len > limits.maxCellChars) throw new UploadRefused(`工作表“${ws.name}”第 ${r} 行第 ${c} 列的内容有 ${len.toLocaleString("zh-CN")} 个字，超过 ${limits.maxCellChars} 字上限，未读取`);
      });
    });
  }
  return wb;
}

const busy = new Set<string>();

/**
 * Runs one upload per user at a time in this process: a second upload while the first is being
 * read is refused at once (a clerk double-clicking, or a script sending many in parallel).
 */
export async function oneUploadAtATime<T>(userKey: string, fn: () => Promise<T>): Promise<T> {
  if (busy.has(userKey)) throw new UploadRefused("您已有一个文件正在处理，请等它完成后再上传");
  busy.add(userKey);
  try {
    return await fn();
  } finally {
    busy.delete(userKey);
  }
}

/** The first `max` messages, and one line saying how many more there are (error lists stay small). */
export function capMessages(messages: readonly string[], max = 50): string[] {
  return capList(messages, max, (rest) => `另有 ${rest.toLocaleString("zh-CN")} 处问题未列出，请先改正以上各处`);
}

/** The first `max` items of a list and, when there are more, one item made by `more` from how many are left. */
export function capList<T>(items: readonly T[], max: number, more: (rest: number) => T): T[] {
  if (items.length <= max) return [...items];
  return [...items.slice(0, max), more(items.length - max)];
}
