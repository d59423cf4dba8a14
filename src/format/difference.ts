/** A short, readable difference between two texts: the changed block with line numbers. */
export function describeDifference(before: string, after: string, maxLines = 12): string {
  if (before.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') === after) {
    return before.startsWith('\uFEFF') ? '  убрать метку BOM в начале файла' : '  заменить окончания строк CRLF на LF';
  }
  const a = before.replace(/\r\n?/g, '\n').split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  const removed = a
    .slice(start, endA + 1)
    .slice(0, maxLines)
    .map((line, i) => `  ${start + i + 1} - ${line}`);
  const added = b
    .slice(start, endB + 1)
    .slice(0, maxLines)
    .map((line, i) => `  ${start + i + 1} + ${line}`);
  const cut = endA - start + 1 > maxLines || endB - start + 1 > maxLines ? ['  …'] : [];
  return [...removed, ...added, ...cut].join('\n');
}
