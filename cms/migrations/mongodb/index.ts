import * as migration_20261202_080000_hash_tokens from './20261202_080000_hash_tokens';

export const migrations = [
  {
    up: migration_20261202_080000_hash_tokens.up,
    down: migration_20261202_080000_hash_tokens.down,
    name: '20261202_080000_hash_tokens',
  },
];
