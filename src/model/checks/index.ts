/**
 * What the checks report, apart from how each check reads its text: the catalogue of finding codes, the
 * configuration that editor and command line share (`.svc/config.yaml`), and which fixes may be applied without a
 * person choosing them. The configuration's reader needs the `yaml` library and lives with the other readers in
 * model/yamlParsers.
 */
export * from './automaticFixes';
export * from './codes';
export * from './config';
