import type { JobsConfig } from 'payload'
import { config } from './lib/config'
import { releaseExpiredReservationsTask } from './shop/jobs'
import { sendEmailTask, EMAIL_QUEUE } from './notify/outbox'
import { sendWhatsappTask, WHATSAPP_QUEUE } from './notify/whatsappCloud'
import { purgeAttachmentsTask, purgeUnsubmittedFilesTask } from './resident-services/purge'

/**
 * Background work, run by the server process (getPayload with `cron: true`, see scripts/lib/boot.ts):
 * scheduled publishing of news and episodes (queue `default`), stock reservations that ran out (`shop`),
 * residents' attachments past their retention period and uploads of forms never sent (`services`), the outbox of emails (`email`) and WhatsApp messages (`whatsapp`).
 * Search adds its sync queue in cms/search/plugin.ts.
 */
export const jobs: JobsConfig = {
  tasks: [releaseExpiredReservationsTask, purgeAttachmentsTask, purgeUnsubmittedFilesTask, sendEmailTask, sendWhatsappTask],
  autoRun: [
    { cron: '* * * * *', queue: 'default' },
    { cron: '0 * * * * *', queue: 'shop' },
    { cron: '0 */10 * * * *', queue: 'services' },
    { cron: '*/5 * * * * *', queue: EMAIL_QUEUE },
    { cron: '*/5 * * * * *', queue: WHATSAPP_QUEUE },
  ],
  // Tests run jobs themselves (a background timer would race their assertions); with several app
  // instances, RUN_JOBS=false keeps all but one from running them.
  shouldAutoRun: () => !config().underTest && config().jobs.run,
}
