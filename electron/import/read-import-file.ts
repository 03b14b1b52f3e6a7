import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeImportBytes, tooLargeMessage, type DecodedText } from '../../shared/import/decode-import-bytes.js';
import { MAX_IMPORT_BYTES } from '../../shared/import/import-schema.js';

/** Why a file cannot be imported at all: the CLI and the app show the message as is. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export interface ImportFile {
  readonly fileName: string;
  readonly content: string;
  readonly encoding: DecodedText['encoding'];
  /** Set when the text was not UTF-8, so the import can say how it was read. */
  readonly note?: string;
}

function describe(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    if (error.code === 'ENOENT') return 'there is no such file';
    if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
    if (error.code === 'EISDIR') return 'it is a folder';
  }
  return error instanceof Error ? error.message : String(error);
}

/** Reads a file to import: refused when missing, empty, larger than 200 MB or not text. */
export function readImportFile(file: string, limitBytes: number = MAX_IMPORT_BYTES): ImportFile {
  const fileName = path.basename(file);
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new ImportFileError(`Cannot import “${file}”: it is not a file.`);
    size = stats.size;
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`Cannot read “${file}”: ${describe(error)}.`);
  }
  if (size === 0) throw new ImportFileError(`“${fileName}” is empty: there is nothing to import.`);
  if (size > limitBytes) {
    throw new ImportFileError(tooLargeMessage(fileName, size, limitBytes));
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new ImportFileError(`Cannot read “${file}”: ${describe(error)}.`);
  }
  const decoded = decodeImportBytes(fileName, bytes);
  if (!decoded.ok) throw new ImportFileError(decoded.message);
  const { content, encoding, note } = decoded;
  return note === undefined ? { fileName, content, encoding } : { fileName, content, encoding, note };
}
