/**
 * The package.json that goes into the zip. The Functions host loads `main`; everything for
 * development (scripts, devDependencies, the CLI's bin) is dropped so nothing in the deployed
 * app points at files that are not there.
 */

/** The fields of package.json the packager reads. */
export interface SourceManifest {
  name: string;
  version: string;
  description?: string;
  license?: string;
  main?: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The deployed app's package.json, keeping only what the host and npm need at run time. */
export function runtimeManifest(source: SourceManifest): Record<string, unknown> {
  if (!source.main) throw new Error('package.json has no "main": the Functions host would find no entry point');
  return {
    name: source.name,
    version: source.version,
    ...(source.description ? { description: source.description } : {}),
    ...(source.license ? { license: source.license } : {}),
    private: true,
    main: source.main,
    ...(source.engines ? { engines: source.engines } : {}),
    dependencies: source.dependencies ?? {},
  };
}
