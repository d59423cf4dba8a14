/**
 * A string of its own for every value the loader keeps. The YAML reader cuts values out of
 * the file's text as slices, and each slice keeps the whole decoded text alive (a national
 * set kept ~290 MB of file texts this way after parsing). A copy made by JSON.parse is a
 * new flat string, stored one byte a character when the value is ASCII (URLs, ids, dates)
 * even though the file's text needs two. Sharing equal values through a Map was measured
 * too: it saved ~75 MB nationally but cost ~3 s of validation, most of it in the lookups.
 */

/** V8 copies shorter substrings anyway; longer ones are slices of the text they came from. */
const SLICE_LENGTH = 13;

/** `value`, equal, as a string that holds no other string alive. */
export function ownCopy(value: string): string {
  return value.length < SLICE_LENGTH ? value : (JSON.parse(JSON.stringify(value)) as string);
}
