import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The app manifest shipped next to package.json (found from src/ and from the compiled dist/). */
export function manifestPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'manifest.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('manifest.yaml not found next to the who-owns package');
    dir = parent;
  }
  return join(dir, 'manifest.yaml');
}

/** The bot scopes the Slack app manifest grants: what a workspace created from it gives the token. */
export function manifestBotScopes(path: string = manifestPath()): string[] {
  const manifest = parse(readFileSync(path, 'utf8')) as { oauth_config?: { scopes?: { bot?: unknown } } };
  const scopes = manifest.oauth_config?.scopes?.bot;
  return Array.isArray(scopes) ? scopes.map(String) : [];
}
