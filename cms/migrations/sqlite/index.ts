import * as migration_20261122_123649_initial from './20261122_123649_initial';
import * as migration_20261122_140343_submission_key from './20261122_140343_submission_key';
import * as migration_20261122_142524_crash_safe_writes from './20261122_142524_crash_safe_writes';
import * as migration_20261201_155545_i11_messages_locale from './20261201_155545_i11_messages_locale';
import * as migration_20261201_155716_i15_seo_media_podcast_returns from './20261201_155716_i15_seo_media_podcast_returns';
import * as migration_20261201_161857_i12_trust from './20261201_161857_i12_trust';
import * as migration_20261201_161858_i12_trust_hash_tokens from './20261201_161858_i12_trust_hash_tokens';
import * as migration_20261201_165555_i13_office_audit_corrections from './20261201_165555_i13_office_audit_corrections';
import * as migration_20261201_165650_i14_shop_order_lifecycle from './20261201_165650_i14_shop_order_lifecycle';
import * as migration_20261201_174907_i13_office_missing_documents from './20261201_174907_i13_office_missing_documents';
import * as migration_20261201_221819_i13_notify from './20261201_221819_i13_notify';
import * as migration_20261202_012809_i21_payments_qris from './20261202_012809_i21_payments_qris';
import * as migration_20261202_012901_i18_instances_shared_state from './20261202_012901_i18_instances_shared_state';
import * as migration_20261202_134845_object_storage from './20261202_134845_object_storage';
import * as migration_20261202_135151_i21_xendit_payment_events from './20261202_135151_i21_xendit_payment_events';
import * as migration_20261202_183318_villages from './20261202_183318_villages';
import * as migration_20261203_084021_village_documents from './20261203_084021_village_documents';
import * as migration_20261203_084508_users_language from './20261203_084508_users_language';
import * as migration_20261203_133829_letter_signing from './20261203_133829_letter_signing';
import * as migration_20261203_133854_village_stripe_accounts from './20261203_133854_village_stripe_accounts';
import * as migration_20261203_135708_regency_statistics from './20261203_135708_regency_statistics';
import * as migration_20261203_141523_shared_templates from './20261203_141523_shared_templates';
import * as migration_20261203_145147_orders_payment_accounts from './20261203_145147_orders_payment_accounts';
import * as migration_20261203_181717_regency_hosts from './20261203_181717_regency_hosts';
import * as migration_20261203_181949_village_monthly_statistics from './20261203_181949_village_monthly_statistics';
import * as migration_20261203_183439_site_visits from './20261203_183439_site_visits';
import * as migration_20261203_184557_regency_articles from './20261203_184557_regency_articles';
import * as migration_20261204_011338_order_checkout_group from './20261204_011338_order_checkout_group';
import * as migration_20261204_011633_regency_indicators from './20261204_011633_regency_indicators';
import * as migration_20261204_011655_village_roles from './20261204_011655_village_roles';
import * as migration_20261204_023644_audit_log_village from './20261204_023644_audit_log_village';
import * as migration_20261204_024415_days_to_done from './20261204_024415_days_to_done';

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
    name: '20261201_155716_i15_seo_media_podcast_returns',
  },
  {
    up: migration_20261201_161857_i12_trust.up,
    down: migration_20261201_161857_i12_trust.down,
    name: '20261201_161857_i12_trust',
  },
  {
    up: migration_20261201_161858_i12_trust_hash_tokens.up,
    down: migration_20261201_161858_i12_trust_hash_tokens.down,
    name: '20261201_161858_i12_trust_hash_tokens',
  },
  {
    up: migration_20261201_165555_i13_office_audit_corrections.up,
    down: migration_20261201_165555_i13_office_audit_corrections.down,
    name: '20261201_165555_i13_office_audit_corrections',
  },
  {
    up: migration_20261201_165650_i14_shop_order_lifecycle.up,
    down: migration_20261201_165650_i14_shop_order_lifecycle.down,
    name: '20261201_165650_i14_shop_order_lifecycle',
  },
  {
    up: migration_20261201_174907_i13_office_missing_documents.up,
    down: migration_20261201_174907_i13_office_missing_documents.down,
    name: '20261201_174907_i13_office_missing_documents',
  },
  {
    up: migration_20261201_221819_i13_notify.up,
    down: migration_20261201_221819_i13_notify.down,
    name: '20261201_221819_i13_notify',
  },
  {
    up: migration_20261202_012809_i21_payments_qris.up,
    down: migration_20261202_012809_i21_payments_qris.down,
    name: '20261202_012809_i21_payments_qris',
  },
  {
    up: migration_20261202_012901_i18_instances_shared_state.up,
    down: migration_20261202_012901_i18_instances_shared_state.down,
    name: '20261202_012901_i18_instances_shared_state',
  },
  {
    up: migration_20261202_134845_object_storage.up,
    down: migration_20261202_134845_object_storage.down,
    name: '20261202_134845_object_storage',
  },
  {
    up: migration_20261202_135151_i21_xendit_payment_events.up,
    down: migration_20261202_135151_i21_xendit_payment_events.down,
    name: '20261202_135151_i21_xendit_payment_events',
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
    up: migration_20261203_084508_users_language.up,
    down: migration_20261203_084508_users_language.down,
    name: '20261203_084508_users_language',
  },
  {
    up: migration_20261203_133829_letter_signing.up,
    down: migration_20261203_133829_letter_signing.down,
    name: '20261203_133829_letter_signing',
  },
  {
    up: migration_20261203_133854_village_stripe_accounts.up,
    down: migration_20261203_133854_village_stripe_accounts.down,
    name: '20261203_133854_village_stripe_accounts',
  },
  {
    up: migration_20261203_135708_regency_statistics.up,
    down: migration_20261203_135708_regency_statistics.down,
    name: '20261203_135708_regency_statistics',
  },
  {
    up: migration_20261203_141523_shared_templates.up,
    down: migration_20261203_141523_shared_templates.down,
    name: '20261203_141523_shared_templates',
  },
  {
    up: migration_20261203_145147_orders_payment_accounts.up,
    down: migration_20261203_145147_orders_payment_accounts.down,
    name: '20261203_145147_orders_payment_accounts',
  },
  {
    up: migration_20261203_181717_regency_hosts.up,
    down: migration_20261203_181717_regency_hosts.down,
    name: '20261203_181717_regency_hosts',
  },
  {
    up: migration_20261203_181949_village_monthly_statistics.up,
    down: migration_20261203_181949_village_monthly_statistics.down,
    name: '20261203_181949_village_monthly_statistics',
  },
  {
    up: migration_20261203_183439_site_visits.up,
    down: migration_20261203_183439_site_visits.down,
    name: '20261203_183439_site_visits',
  },
  {
    up: migration_20261203_184557_regency_articles.up,
    down: migration_20261203_184557_regency_articles.down,
    name: '20261203_184557_regency_articles',
  },
  {
    up: migration_20261204_011338_order_checkout_group.up,
    down: migration_20261204_011338_order_checkout_group.down,
    name: '20261204_011338_order_checkout_group',
  },
  {
    up: migration_20261204_011633_regency_indicators.up,
    down: migration_20261204_011633_regency_indicators.down,
    name: '20261204_011633_regency_indicators',
  },
  {
    up: migration_20261204_011655_village_roles.up,
    down: migration_20261204_011655_village_roles.down,
    name: '20261204_011655_village_roles',
  },
  {
    up: migration_20261204_023644_audit_log_village.up,
    down: migration_20261204_023644_audit_log_village.down,
    name: '20261204_023644_audit_log_village',
  },
  {
    up: migration_20261204_024415_days_to_done.up,
    down: migration_20261204_024415_days_to_done.down,
    name: '20261204_024415_days_to_done'
  },
];
