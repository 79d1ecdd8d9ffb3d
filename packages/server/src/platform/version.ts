import manifest from '../../../../package.json' with { type: 'json' };

/** The release this process runs, as the root package.json names it: the API, the CLI and `/health` say one. */
export const STOCKWISE_VERSION: string = manifest.version;
