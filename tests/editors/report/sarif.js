// Validates a SARIF log against the SARIF 2.1.0 JSON schema (draft-04), with ajv 6.
// The schema file comes from an npm package installed at test time (never stored in the repo).
// Usage: node sarif.js NODE_DIR SCHEMA.json LOG.sarif
const path = require('path');
const fs = require('fs');
const [nodeDir, schemaPath, logPath] = process.argv.slice(2);
const Ajv = require(require.resolve('ajv', { paths: [nodeDir] }));
const draft4 = require(require.resolve('ajv/lib/refs/json-schema-draft-04.json', { paths: [nodeDir] }));
const ajv = new Ajv({ schemaId: 'id', meta: false, allErrors: true, logger: false });
ajv.addMetaSchema(draft4);
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
const log = JSON.parse(fs.readFileSync(logPath, 'utf8'));
const valid = ajv.validate(schema, log);
const results = log.runs.reduce((n, r) => n + r.results.length, 0);
if (!valid) {
  for (const e of ajv.errors) console.log(`FAIL ${e.dataPath} ${e.message} ${JSON.stringify(e.params)}`);
  process.exit(1);
}
if (results === 0) {
  console.log('FAIL the SARIF log has no results to validate');
  process.exit(1);
}
console.log(`ok   ${path.basename(logPath)} is valid SARIF 2.1.0 (${results} results)`);
