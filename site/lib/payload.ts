import config from '../../cms/payload.config'
import { getPayload, type Payload } from 'payload'

/** The one Payload instance of this process (shared with the admin through Payload's own cache). */
export const payload = (): Promise<Payload> => getPayload({ config })
