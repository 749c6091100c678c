import * as migration_20261202_080000_hash_tokens from './20261202_080000_hash_tokens';
import * as migration_20261202_140000_payment_events from './20261202_140000_payment_events';
import * as migration_20261202_183318_villages from './20261202_183318_villages';
import * as migration_20261203_084021_village_documents from './20261203_084021_village_documents';
import * as migration_20261204_023644_audit_log_village from './20261204_023644_audit_log_village';

export const migrations = [
  {
    up: migration_20261202_080000_hash_tokens.up,
    down: migration_20261202_080000_hash_tokens.down,
    name: '20261202_080000_hash_tokens',
  },
  {
    up: migration_20261202_140000_payment_events.up,
    down: migration_20261202_140000_payment_events.down,
    name: '20261202_140000_payment_events',
  },
  {
    up: migration_20261202_183318_villages.up,
    down: migration_20261202_183318_villages.down,
    name: '20261202_183318_villages',
  },
  {
    up: migration_20261203_084021_village_documents.up,
    down: migration_20261203_084021_village_documents.down,
    name: '20261203_084021_village_documents',
  },
  {
    up: migration_20261204_023644_audit_log_village.up,
    down: migration_20261204_023644_audit_log_village.down,
    name: '20261204_023644_audit_log_village',
  },
];
