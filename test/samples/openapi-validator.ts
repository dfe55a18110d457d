/**
 * Validates sample files against schemas copied from Atlassian's OpenAPI documents
 * (test/fixtures/jira-openapi/). Ajv does the validation; OpenAPI 3.0 keywords it does not
 * know (`xml`, `example`) are ignored and `nullable` is honoured.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'jira-openapi');

/** Jira writes `2026-11-16T09:12:44.123+0000` (no colon in the offset); agile dates use `Z`. */
const JIRA_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/;

export type SpecName = 'platform' | 'software';

export interface SchemaValidator {
  /** Returns readable errors; an empty list means the value matches `components.schemas[name]`. */
  errors(spec: SpecName, name: string, value: unknown): string[];
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}

export function createSchemaValidator(): SchemaValidator {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('int32', { type: 'number', validate: (value: number) => Number.isInteger(value) && Math.abs(value) < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isInteger(value) });
  ajv.addFormat('date-time', JIRA_DATE_TIME);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', /^https?:\/\/[^\s]+$/);
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  for (const [spec, file] of [
    ['platform', 'jira-platform.schemas.json'],
    ['software', 'jira-software.schemas.json'],
  ] as const) {
    const document = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Record<string, unknown>;
    ajv.addSchema({ $id: spec, components: document.components });
  }
  return {
    errors(spec, name, value) {
      const validate = ajv.getSchema(`${spec}#/components/schemas/${name}`);
      if (!validate) throw new Error(`no schema ${name} in ${spec}`);
      return validate(value) ? [] : describe(validate.errors);
    },
  };
}
