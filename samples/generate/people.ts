/** The people of Acme Pay as Jira Cloud returns them (user objects on issues and changelogs). */
import { BASE_URL } from './site.js';

export interface SamplePerson {
  accountId: string;
  displayName: string;
  /** Absent when the person's Atlassian profile hides it, as Cloud does by default. */
  emailAddress?: string;
  timeZone: string;
  accountType?: 'atlassian' | 'app';
}

export const PEOPLE = {
  priya: { accountId: '712020:priya-nair', displayName: 'Priya Nair', emailAddress: 'priya@acme-pay.example', timeZone: 'Europe/Berlin' },
  marco: { accountId: '712020:marco-rossi', displayName: 'Marco Rossi', emailAddress: 'marco@acme-pay.example', timeZone: 'Europe/Berlin' },
  lena: { accountId: '712020:lena-vogel', displayName: 'Lena Vogel', timeZone: 'Europe/Berlin' },
  dana: { accountId: '712020:dana-kim', displayName: 'Dana Kim', emailAddress: 'dana@acme-pay.example', timeZone: 'America/New_York' },
  sam: { accountId: '712020:sam-okafor', displayName: 'Sam Okafor', emailAddress: 'sam@acme-pay.example', timeZone: 'Asia/Kolkata' },
  tomas: { accountId: '712020:tomas-herrera', displayName: 'Tomás Herrera', timeZone: 'Europe/Madrid' },
  jonas: { accountId: '712020:jonas-becker', displayName: 'Jonas Becker', emailAddress: 'jonas@acme-pay.example', timeZone: 'Europe/Berlin' },
  aiko: { accountId: '712020:aiko-tanaka', displayName: 'Aiko Tanaka', timeZone: 'Europe/Berlin' },
  ravi: { accountId: '712020:ravi-menon', displayName: 'Ravi Menon', emailAddress: 'ravi@acme-pay.example', timeZone: 'America/New_York' },
  chloe: { accountId: '712020:chloe-martin', displayName: 'Chloé Martin', timeZone: 'America/Toronto' },
  ben: { accountId: '712020:ben-adler', displayName: 'Ben Adler', timeZone: 'America/Chicago' },
  arjun: { accountId: '712020:arjun-mehta', displayName: 'Arjun Mehta', emailAddress: 'arjun@acme-pay.example', timeZone: 'Asia/Kolkata' },
  kwame: { accountId: '712020:kwame-asante', displayName: 'Kwame Asante', timeZone: 'Europe/London' },
  mei: { accountId: '712020:mei-lin', displayName: 'Mei Lin', timeZone: 'Asia/Singapore' },
  olivia: { accountId: '712020:olivia-grant', displayName: 'Olivia Grant', emailAddress: 'olivia@acme-pay.example', timeZone: 'Europe/Dublin' },
  // The built-in "Automation for Jira" app user that rules act as on every Cloud site.
  automation: {
    accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
    displayName: 'Automation for Jira',
    timeZone: 'UTC',
    accountType: 'app',
  },
} as const satisfies Record<string, SamplePerson>;

export type PersonKey = keyof typeof PEOPLE;

function avatarUrls(person: SamplePerson): Record<string, string> {
  const initials = person.displayName
    .split(' ')
    .map((part) => part[0])
    .join('')
    .toUpperCase();
  const base = `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/${initials}-3.png`;
  return {
    '48x48': `${base}?size=48&s=48`,
    '24x24': `${base}?size=24&s=24`,
    '16x16': `${base}?size=16&s=16`,
    '32x32': `${base}?size=32&s=32`,
  };
}

/** A user object as it appears in issue fields and changelog authors. */
export function jiraUser(key: PersonKey): Record<string, unknown> {
  const person: SamplePerson = PEOPLE[key];
  const user: Record<string, unknown> = {
    self: `${BASE_URL}/rest/api/3/user?accountId=${encodeURIComponent(person.accountId)}`,
    accountId: person.accountId,
  };
  if (person.emailAddress) user.emailAddress = person.emailAddress;
  user.avatarUrls = avatarUrls(person);
  user.displayName = person.displayName;
  user.active = true;
  user.timeZone = person.timeZone;
  user.accountType = person.accountType ?? 'atlassian';
  return user;
}
