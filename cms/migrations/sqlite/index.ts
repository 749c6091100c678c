import * as migration_20261122_123649_initial from './20261122_123649_initial';
import * as migration_20261122_140343_submission_key from './20261122_140343_submission_key';
import * as migration_20261122_142524_crash_safe_writes from './20261122_142524_crash_safe_writes';
import * as migration_20261201_155545_i11_messages_locale from './20261201_155545_i11_messages_locale';
import * as migration_20261201_155716_i15_seo_media_podcast_returns from './20261201_155716_i15_seo_media_podcast_returns';
import * as migration_20261201_165650_i14_shop_order_lifecycle from './20261201_165650_i14_shop_order_lifecycle';

export const migrations = [
  {
    up: migration_20261122_123649_initial.up,
    down: migration_20261122_123649_initial.down,
    name: '20261122_123649_initial',
  },
  {
    up: migration_20261122_140343_submission_key.up,
    down: migration_20261122_140343_submission_key.down,
    name: '20261122_140343_submission_key',
  },
  {
    up: migration_20261122_142524_crash_safe_writes.up,
    down: migration_20261122_142524_crash_safe_writes.down,
    name: '20261122_142524_crash_safe_writes',
  },
  {
    up: migration_20261201_155545_i11_messages_locale.up,
    down: migration_20261201_155545_i11_messages_locale.down,
    name: '20261201_155545_i11_messages_locale',
  },
  {
    up: migration_20261201_155716_i15_seo_media_podcast_returns.up,
    down: migration_20261201_155716_i15_seo_media_podcast_returns.down,
    name: '20261201_155716_i15_seo_media_podcast_returns'
  },
  {
    up: migration_20261201_165650_i14_shop_order_lifecycle.up,
    down: migration_20261201_165650_i14_shop_order_lifecycle.down,
    name: '20261201_165650_i14_shop_order_lifecycle'
  },
];
