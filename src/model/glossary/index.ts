/**
 * An organisation's glossary (`.svc/glossary.yaml`) as the rest of the model uses it: its terms, its changes to
 * built-in terms, its preferred-term rules, and the codes of the problems its reader reports. The reader itself
 * needs the `yaml` library and lives with the other readers in model/yaml.
 */
export * from './glossaryTypes';
