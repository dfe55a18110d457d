import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const manifest = parse(readFileSync(new URL('../../manifest.yaml', import.meta.url), 'utf8'));

describe('manifest.yaml', () => {
  it('declares /who-owns, interactivity and App Home on the path serve listens on', () => {
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: '/who-owns', url: expect.stringMatching(/\/slack\/events$/) })]);
    expect(manifest.settings.interactivity).toMatchObject({ is_enabled: true, request_url: expect.stringMatching(/\/slack\/events$/) });
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

});
