import type { JobsConfig } from 'payload'
import { config } from './lib/config'
import { releaseExpiredReservationsTask } from './shop/jobs'
import { sendEmailTask, EMAIL_QUEUE } from './notify/outbox'
import { sendWhatsappTask, WHATSAPP_QUEUE } from './notify/whatsappCloud'
import { purgeAttachmentsTask, purgeUnsubmittedFilesTask } from './resident-services/purge'
import { countVillageTask, REGENCY_QUEUE, refreshVillageStatisticsTask } from './regency/statistics'
import { passOnTemplateTask } from './villages/adoption'

/**
 * Background work, run by the server process (getPayload with `cron: true`, see scripts/lib/boot.ts):
 * scheduled publishing of news and episodes (queue `default`), stock reservations that ran out (`shop`),
 * residents' attachments past their retention period and uploads of forms never sent (`services`), the outbox of emails (`email`) and WhatsApp messages (`whatsapp`),
 * the villages' statistics for the regency and templates passed on to the villages that follow them (`regency`).
 * Search adds its sync queue in cms/search/plugin.ts.
 */
export const jobs: JobsConfig = {
  tasks: [
    releaseExpiredReservationsTask,
    purgeAttachmentsTask,
    purgeUnsubmittedFilesTask,
    sendEmailTask,
    sendWhatsappTask,
    refreshVillageStatisticsTask,
    countVillageTask,
    passOnTemplateTask,
  ],
  autoRun: [
    { cron: '* * * * *', queue: 'default' },
    { cron: '0 * * * * *', queue: 'shop' },
    { cron: '0 */10 * * * *', queue: 'services' },
    { cron: '*/5 * * * * *', queue: EMAIL_QUEUE },
    { cron: '*/5 * * * * *', queue: WHATSAPP_QUEUE },
    { cron: '0 * * * * *', queue: REGENCY_QUEUE },
  ],
  // Tests run jobs themselves (a background timer would race their assertions). Every app instance may run
  // them: each job is claimed by one conditional update (cms/instances/jobClaims.ts); RUN_JOBS=false spares one.
  shouldAutoRun: () => !config().underTest && config().jobs.run,
}
