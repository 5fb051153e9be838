// Facts fixed when the CLI is built (scripts/build.mjs defines them); absent
// when the sources run directly, as under the tests' ts-jest.
declare const __BUILD_ID__: string;

/** Changes whenever the sources or the locked dependencies do: caches written by another build are not trusted. */
export const BUILD_ID: string | null = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : null;
