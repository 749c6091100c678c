import * as migration_20261202_080000_hash_tokens from './20261202_080000_hash_tokens';
import * as migration_20261202_140000_payment_events from './20261202_140000_payment_events';
import * as migration_20261202_183318_villages from './20261202_183318_villages';

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
];
