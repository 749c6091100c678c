import * as migration_20261122_115043_initial from './20261122_115043_initial';

export const migrations = [
  {
    up: migration_20261122_115043_initial.up,
    down: migration_20261122_115043_initial.down,
    name: '20261122_115043_initial'
  },
];
