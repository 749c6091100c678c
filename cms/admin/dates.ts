import type { DateField } from 'payload'
import { ADMIN_DATE_FORMAT } from '../lib/wita'

/**
 * The admin options of a date and time shown in WITA wherever it appears: in list cells and, when it is
 * read-only (recorded by the server), as text in the edit view (cms/components/WitaDate.tsx, with
 * formatWitaDateTime). Payload's own cells and pickers use the clock of whoever renders them (the server's is UTC).
 */
export const witaDateTime = ({ readOnly }: { readOnly: boolean }): DateField['admin'] => ({
  readOnly,
  date: { pickerAppearance: 'dayAndTime', displayFormat: ADMIN_DATE_FORMAT, timeFormat: 'HH:mm' },
  components: {
    Cell: '/components/WitaDate#WitaDateCell',
    ...(readOnly ? { Field: '/components/WitaDate#WitaDateField' } : {}),
  },
})
