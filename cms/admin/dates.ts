import type { DateField } from 'payload'

/** The date-fns pattern of the dates Payload formats itself: a 24-hour clock, e.g. "1 Des 2026 17.14". */
export const ADMIN_DATE_FORMAT = 'd MMM yyyy HH.mm'

/**
 * The admin options of a date and time shown in WITA wherever it appears: in list cells and, when it is
 * read-only (recorded by the server), as text in the edit view. Payload's own cells and pickers use the
 * clock of whoever renders them (the server's is UTC).
 */
export const witaDateTime = ({ readOnly }: { readOnly: boolean }): DateField['admin'] => ({
  readOnly,
  date: { pickerAppearance: 'dayAndTime', displayFormat: ADMIN_DATE_FORMAT, timeFormat: 'HH.mm' },
  components: {
    Cell: '/components/WitaDate#WitaDateCell',
    ...(readOnly ? { Field: '/components/WitaDate#WitaDateField' } : {}),
  },
})
