/** Writes the "Who may do what" table of docs/operations.md from the permission table. */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withPermissionTable } from './permissions-table.js';

const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'operations.md');
writeFileSync(path, withPermissionTable(readFileSync(path, 'utf8')));
process.stdout.write('Wrote the permission table of docs/operations.md\n');
