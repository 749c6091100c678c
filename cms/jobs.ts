import type { JobsConfig } from 'payload'
import { config } from './lib/config'
import { releaseExpiredReservationsTask } from './shop/jobs'
import { sendEmailTask, EMAIL_QUEUE } from './notify/outbox'
import { purgeAttachmentsTask } from './resident-services/purge'

/**
 * Background work, run by the server process (getPayload with `cron: true`, see scripts/lib/boot.ts):
 * scheduled publishing of news and episodes (queue `default`), stock reservations that ran out (`shop`),
 * residents' attachments past their retention period (`services`), the email outbox (`email`).
 * Search adds its sync queue in cms/search/plugin.ts.
 */
export const jobs: JobsConfig = {
  tasks: [releaseExpiredReservationsTask, purgeAttachmentsTask, sendEmailTask],
  autoRun: [
    { cron: '* * * * *', queue: 'default' },
    { cron: '0 * * * * *', queue: 'shop' },
    { cron: '0 */10 * * * *', queue: 'services' },
    { cron: '*/5 * * * * *', queue: EMAIL_QUEUE },
  ],
  // Tests run jobs themselves (a background timer would race their assertions); with several app
  // instances, RUN_JOBS=false keeps all but one from running them.
  shouldAutoRun: () => !config().underTest && config().jobs.run,
}
