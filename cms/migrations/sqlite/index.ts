import * as migration_20261122_123649_initial from './20261122_123649_initial';
import * as migration_20261122_140343_submission_key from './20261122_140343_submission_key';

export const migrations = [
  {
    up: migration_20261122_123649_initial.up,
    down: migration_20261122_123649_initial.down,
    name: '20261122_123649_initial',
  },
  {
    up: migration_20261122_140343_submission_key.up,
    down: migration_20261122_140343_submission_key.down,
    name: '20261122_140343_submission_key'
  },
];
