/** The package version, kept equal to package.json by a unit test (bundles cannot read package.json at run time). */
export const VERSION = '0.1.0';
