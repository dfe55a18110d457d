/** What looking a person up by email in Slack or Jira found. */
export type PersonLookup =
  | { status: 'resolved'; id: string }
  | { status: 'not-found' }
  /** Several accounts answer to the email: none is picked. */
  | { status: 'ambiguous'; candidates: string[] };

/** Where an id is looked up: a team file person's `slack` or `jira` field. */
export type PersonDirectory = 'slack' | 'jira';

/** Looks an email up in one directory; throws when the service cannot answer (outage). */
export type LookupByEmail = (email: string) => Promise<PersonLookup>;
