import type { WeeklyDigest } from '../domain/digest/build-digest.js';
import { DIGEST_SECTION_LIMIT } from '../domain/digest/digest-edits.js';
import { blocksToText } from './blocks-to-text.js';
import { renderDigestBlocks } from './digest-blocks.js';

/** The digest as plain terminal text (for `who-owns demo` and the dry-run preview). */
export function renderDigestText(digest: WeeklyDigest, limit = DIGEST_SECTION_LIMIT): string {
  return blocksToText(renderDigestBlocks(digest, limit)).replace(/^\n/, '');
}
