/** Replaces what sits between `<!-- name:begin -->` and `<!-- name:end -->` in a generated doc. */
import { readFileSync, writeFileSync } from 'node:fs';

export function writeDocSection(path: string, name: string, markdown: string): void {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const text = readFileSync(path, 'utf8');
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`${path} has no ${begin} … ${end} section`);
  writeFileSync(path, `${text.slice(0, from + begin.length)}\n${markdown}\n${text.slice(to)}`);
}
