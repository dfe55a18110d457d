/** Site-wide constants of the sample Jira Cloud site. */
export const BASE_URL = 'https://acme-pay.atlassian.net';
export const GENERATED_AT = '2026-11-23';
/** Issues per search page, the Cloud default for /rest/api/3/search/jql when fields are requested. */
export const PAGE_SIZE = 50;
export const SEED = 20261123;
