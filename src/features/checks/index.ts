/**
 * The checks configuration in the workbench (`.svc/config.yaml`, shared with svc-check): found in every workspace
 * folder, watched, its problems shown in it, and what each document is checked with (severities per finding code,
 * codes switched off, files left out) and which edition the views follow.
 */
export * from './configService';
