/** `code` (JavaScript) with every non-ASCII character in patterns and String.raw templates escaped; throws on any other. */
export function asciiOnly(code: string, name: string): string;
