// The HTML parser and the HTML5 entity table, bundled apart from the CLI as
// dist/html-lib.cjs: loaded only for a post that holds HTML or an entity
// outside the common few (see src/html-lib.ts).
export { Parser } from 'htmlparser2';
export { decodeHTMLStrict } from 'entities';
