// FNV-1a over a string's UTF-16 units, as an unsigned 32-bit number: cheap and stable across releases. It decides
// where a comment state lives on disk (utils/storage/state-chunks.ts), so it must never change.
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
