/**
 * Bytes of a page to text: UTF-8 when the bytes are valid UTF-8 (saved copies are often
 * re-encoded while their meta tag still names the old charset), else the charset the server
 * or the page names, else windows-1251 (the usual one of older Russian sites). Pure.
 */
export function decodePage(bytes: Uint8Array, contentType = ''): string {
  try {
    // stream: a body cut at the byte cap may end inside a character; that alone is not a reason to doubt UTF-8.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    // not UTF-8: fall through to the named charset
  }
  const named =
    /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)))?.[1];
  for (const charset of [named, 'windows-1251']) {
    if (!charset || /^utf-?8$/i.test(charset)) continue;
    try {
      return new TextDecoder(charset.toLowerCase()).decode(bytes);
    } catch {
      // an unknown label: try the next
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}
