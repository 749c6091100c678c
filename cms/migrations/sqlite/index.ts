import * as migration_20261122_122713_initial from './20261122_122713_initial';

export const migrations = [
  {
    up: migration_20261122_122713_initial.up,
    down: migration_20261122_122713_initial.down,
    name: '20261122_122713_initial'
  },
];
