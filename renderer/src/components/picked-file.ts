import type { PickedFile } from '../store/import-slice.js';

/** A browser File as the import slice reads it: the bytes only when the size is within the limit. */
export function pickedFileOf(file: File): PickedFile {
  return { name: file.name, size: file.size, bytes: async () => new Uint8Array(await file.arrayBuffer()) };
}
