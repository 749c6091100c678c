import * as migration_20261122_114530_initial from './20261122_114530_initial';

export const migrations = [
  {
    up: migration_20261122_114530_initial.up,
    down: migration_20261122_114530_initial.down,
    name: '20261122_114530_initial'
  },
];
