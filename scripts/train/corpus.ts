/**
 * The real labelled corpus in test/fixtures/eval-real/, read through the same export reader as
 * `who-owns classify`, so training, evaluation and the CLI see identical items.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkItem } from '../../src/domain/work-item.js';
import { normaliseExport, parseRawInput } from '../../src/jira/read-export.js';

export const CLASSES = ['PO', 'PM', 'unclear'] as const;
export const SOURCES = ['titanium', 'trackers'] as const;
export type Source = (typeof SOURCES)[number];

export interface Example {
  item: WorkItem;
  /** Index into CLASSES. */
  label: number;
  source: Source;
  /**
   * The product an item comes from (a tracker's repository, a Titanium project key): a product's
   * items share its authors' phrasing and templates, so one left out is what a new site is.
   */
  group: string;
}

export const CORPUS_DIR = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'eval-real');

export function corpusFiles(source: Source): { items: string; labels: string } {
  return { items: join(CORPUS_DIR, source, 'items.jsonl'), labels: join(CORPUS_DIR, source, 'labels.tsv') };
}

/** One column of a TSV file with a header row, by item key. */
function readColumn(path: string, column: string): Map<string, string> {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const columns = (header ?? '').split('\t');
  const key = columns.indexOf('key');
  const value = columns.indexOf(column);
  return new Map(lines.map((line) => line.split('\t')).map((cells) => [cells[key] as string, cells[value] as string]));
}

/** `owner/repo` of a source cell: `owner/repo#123` or a github.com URL. */
function repositoryOf(source: string): string {
  const url = /github\.com\/([^/]+\/[^/]+)/.exec(source);
  return url ? (url[1] as string) : (source.split('#')[0] as string);
}

export function loadCorpus(): Example[] {
  const examples: Example[] = [];
  for (const source of SOURCES) {
    const files = corpusFiles(source);
    const { items, skipped } = normaliseExport(parseRawInput(readFileSync(files.items, 'utf8')));
    if (skipped.length > 0) throw new Error(`${files.items}: ${skipped.length} record(s) could not be read: ${skipped[0]?.error}`);
    const labels = readColumn(files.labels, 'label');
    const sources = source === 'trackers' ? readColumn(join(CORPUS_DIR, source, 'sources.tsv'), 'source') : undefined;
    for (const item of items) {
      const label = CLASSES.indexOf(labels.get(item.key) as (typeof CLASSES)[number]);
      if (label < 0) throw new Error(`${files.labels}: no label for ${item.key}`);
      const group = sources ? repositoryOf(sources.get(item.key) ?? item.key) : item.projectKey;
      examples.push({ item, label, source, group });
    }
  }
  return examples;
}
