// The HTML parser and the HTML5 entity table, bundled apart from the CLI as
// dist/html-lib.cjs: loaded only for a post that holds HTML or an entity
// outside the common few (see src/html-lib.ts). The parser is taken from its
// own module: htmlparser2's index also brings domutils and dom-serializer,
// with a second, older entities table whose set-up alone took ~15 ms.
export { Parser } from '../../node_modules/htmlparser2/dist/esm/Parser.js';
export { decodeHTMLStrict } from 'entities';
