import * as migration_20261122_111112_initial from './20261122_111112_initial';

export const migrations = [
  {
    up: migration_20261122_111112_initial.up,
    down: migration_20261122_111112_initial.down,
    name: '20261122_111112_initial'
  },
];
