import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import ServiceRequest from '../../site/islands/ServiceRequest'
import TrackedRequest, { type TrackedView } from '../../site/islands/TrackedRequest'
import { draftOf, reduce, type FormState, type ServerAnswer } from '../../site/islands/requestForm'
import {
  button,
  chooseFile,
  click,
  FIELDS,
  fieldByLabel,
  fillApplicant,
  mount,
  pageAnswering,
  reportUploadHalfway,
  REQUEST_BOOK,
  serviceWorkerContainer,
  setOnline,
  settle,
  TRACKING_BOOK,
  type,
  until,
} from './islands'

const NIK = '6402014508900003'
const EMPTY: Extract<ServerAnswer, { step: unknown }> = {
  step: 'form',
  answers: {},
  files: [],
  problems: {},
  message: null,
  submissionKey: '',
}
const photo = () => new File([new Uint8Array(2000)], 'ktp.jpg', { type: 'image/jpeg' })

const form = (actions = { prepare: '?_action=services.prepare', submit: '?_action=services.submit' }, initial = EMPTY) =>
  mount(
    <ServiceRequest
      locale="id"
      service={{ slug: 'pengantar-skck', name: 'Surat Pengantar SKCK' }}
      fields={FIELDS}
      actions={actions}
      initial={initial}
      texts={REQUEST_BOOK}
    />,
  )

const heading = () => document.querySelector('h1')?.textContent
const stored = () => JSON.stringify({ ...localStorage, ...sessionStorage })

let unmount: (() => void) | undefined
beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
  setOnline(true)
})
afterEach(() => {
  unmount?.()
  document.body.innerHTML = ''
})

describe('the form’s state machine', () => {
  const state: FormState = {
    step: 'check',
    answers: { nama: 'Siti' },
    kept: [],
    chosen: { foto_ktp: photo(), foto_kk: photo() },
    problems: {},
    message: null,
    submissionKey: 'k',
  }

  it('goes back to the form after a refusal, keeping every chosen file the server did not refuse', () => {
    const next = reduce(state, {
      type: 'answered',
      answer: {
        step: 'form',
        answers: { nama: 'Siti' },
        files: [],
        problems: { foto_kk: 'Berkas ini bukan gambar.' },
        message: 'Ada yang perlu diperbaiki',
        submissionKey: 'k',
      },
    })
    expect(next.step).toBe('form')
    expect(Object.keys(next.chosen)).toEqual(['foto_ktp'])
    expect(next.problems).toEqual({ foto_kk: 'Berkas ini bukan gambar.' })
  })

  it('lets go of the files the server now keeps', () => {
    const next = reduce(state, {
      type: 'answered',
      answer: { ...EMPTY, step: 'check', files: [{ field: 'foto_ktp', token: 't1' }], submissionKey: 'k' },
    })
    expect(next.kept).toEqual([{ field: 'foto_ktp', token: 't1' }])
    expect(Object.keys(next.chosen)).toEqual(['foto_kk'])
  })

  it('never puts a NIK or a file in the draft', () => {
    expect(draftOf(FIELDS, { nama: 'Siti', nik: NIK, foto_ktp: 'x', keperluan: 'Kerja' })).toEqual({ nama: 'Siti', keperluan: 'Kerja' })
  })
})

describe('the service request island', () => {
  it('checks the answers with the server’s rules and says so at each field', async () => {
    ;({ unmount } = await form())
    await fillApplicant()
    await type('NIK', '6402011299850001')
    await click('Lanjut ke pemeriksaan')
    expect(document.getElementById('f-nik-error')?.textContent).toBe('NIK harus 16 digit angka sesuai KTP.')
    expect(document.getElementById('f-foto_ktp-error')?.textContent).toBe('Unggah Foto KTP.')
    expect(document.activeElement?.id).toBe('error-summary')
  })

  it('keeps its enhancement after a refusal: the retry is the island’s own post, with the file', async () => {
    const page = await pageAnswering([
      {
        status: 400,
        body: {
          ...EMPTY,
          answers: { nama: 'Siti Aminah' },
          problems: { foto_ktp: 'Berkas ini bukan gambar.' },
          message: 'Ada yang perlu diperbaiki',
        },
      },
      { status: 200, body: { ...EMPTY, step: 'check', files: [{ field: 'foto_ktp', token: 'tok' }], submissionKey: 'k1' } },
    ])
    try {
      ;({ unmount } = await form({ prepare: page.url, submit: page.url }))
      await fillApplicant()
      await chooseFile('Foto KTP', photo())
      await settle()
      await click('Lanjut ke pemeriksaan')
      await settle(200)
      expect(document.getElementById('f-foto_ktp-error')?.textContent).toBe('Berkas ini bukan gambar.')
      expect(document.activeElement?.id).toBe('error-summary')
      // The form is the same component, still enhanced: a new file goes with the island's next post.
      await chooseFile('Foto KTP', photo())
      await settle()
      await click('Lanjut ke pemeriksaan')
      await settle(200)
      expect(page.posts).toHaveLength(2)
      expect(page.posts.map((p) => p.accept)).toEqual(['application/json', 'application/json'])
      expect(page.posts[1].body).toContain('filename="ktp.jpg"')
      expect(heading()).toBe('Periksa jawaban Anda')
    } finally {
      page.close()
    }
  })

  it('shows the upload’s progress just above the button that sent it, on the form and on the check step', async () => {
    const page = await pageAnswering([
      { status: 200, body: { ...EMPTY, step: 'check', files: [{ field: 'foto_ktp', token: 'tok' }], submissionKey: 'k1' }, afterMs: 300 },
    ])
    const upload = reportUploadHalfway()
    const progressAbove = (name: string) => {
      const actions = button(name).closest('.actions')!
      const shown = actions.previousElementSibling
      return { bar: shown?.querySelector('progress')?.value, text: shown?.textContent }
    }
    try {
      ;({ unmount } = await form({ prepare: page.url, submit: page.url }))
      await fillApplicant()
      await chooseFile('Foto KTP', photo())
      await settle()
      await click('Lanjut ke pemeriksaan')
      await settle(100)
      expect(progressAbove('Lanjut ke pemeriksaan')).toEqual({ bar: 50, text: 'Mengunggah 50%' })
      await settle(400)
      expect(heading()).toBe('Periksa jawaban Anda')
      expect(document.querySelector('progress')).toBeNull()
    } finally {
      upload.restore()
      page.close()
    }
  })

  it('shows the progress on the check step when the photo waited there for a connection', async () => {
    const page = await pageAnswering([{ status: 200, body: { sent: '#terkirim' }, afterMs: 300 }])
    const upload = reportUploadHalfway()
    try {
      ;({ unmount } = await form({ prepare: page.url, submit: page.url }))
      await fillApplicant()
      setOnline(false)
      await chooseFile('Foto KTP', photo())
      await click('Lanjut ke pemeriksaan')
      await settle()
      expect(heading()).toBe('Periksa jawaban Anda')
      setOnline(true)
      await click('Kirim permohonan')
      await settle(100)
      const shown = button('Kirim permohonan').closest('.actions')!.previousElementSibling
      expect(shown?.querySelector('progress')?.value).toBe(50)
      expect(shown?.textContent).toBe('Mengunggah 50%')
      await settle(400)
    } finally {
      upload.restore()
      page.close()
    }
  })

  describe('offline, with the site’s service worker', () => {
    it('checks the answers on the form without a connection, queues the request from the check step and has it sent once the connection returns', async () => {
      const worker = serviceWorkerContainer()
      ;({ unmount } = await form())
      await fillApplicant()
      setOnline(false)
      // Sent at once: the island waits for the photo to be shrunk.
      await chooseFile('Foto KTP', photo())
      await click('Lanjut ke pemeriksaan')
      await settle()
      expect(heading()).toBe('Periksa jawaban Anda')
      expect(document.querySelector('.check-answers')?.textContent).toContain('Siti Aminah')
      await click('Kirim permohonan')
      // The queue's code loads when first needed (site/islands/deferred.ts).
      await until(() => worker.posted.some((m) => m.type === 'queue'))
      const queued = worker.posted.filter((m) => m.type === 'queue')
      expect(queued).toHaveLength(1)
      expect(queued[0].url).toMatch(/\?_action=services\.submit$/)
      const entries = Object.fromEntries(queued[0].entries!)
      expect(entries.nik).toBe(NIK)
      expect(entries.foto_ktp).toBeInstanceOf(File)
      expect(entries.submissionKey).toBe(queued[0].key)
      const status = document.querySelector<HTMLElement>('.queue-status')!
      expect(status.hidden).toBe(false)
      expect(status.textContent).toContain('tersimpan di perangkat ini')
      expect(document.activeElement).toBe(status)

      // At once, not on the next visit: Background Sync may have fired too early, or the browser has none.
      const flushes = () => worker.posted.filter((m) => (m as unknown) === 'flush').length
      const before = flushes()
      setOnline(true)
      await until(() => flushes() > before)

      // The worker's try came a moment too early (the connection was not back yet): the page asks again soon.
      const afterOnline = flushes()
      await worker.deliver({ type: 'queue-waiting' })
      await until(() => flushes() > afterOnline)
    })

    it('queues from the check step the server showed after a plain post', async () => {
      const worker = serviceWorkerContainer()
      ;({ unmount } = await form(undefined, {
        ...EMPTY,
        step: 'check',
        answers: { nama: 'Siti Aminah', nik: NIK },
        files: [{ field: 'foto_ktp', token: 'tok' }],
        submissionKey: '0b8f3c9e-1f5d-4a8e-9c3b-2a1d4e5f6a7b',
      }))
      setOnline(false)
      await click('Kirim permohonan')
      await until(() => worker.posted.some((m) => m.type === 'queue'))
      const [queued] = worker.posted.filter((m) => m.type === 'queue')
      expect(queued.key).toBe('0b8f3c9e-1f5d-4a8e-9c3b-2a1d4e5f6a7b')
      expect(Object.fromEntries(queued.entries!).pending).toBe('foto_ktp:tok')
      // The worker sent it: the draft is gone and the confirmation opens.
      sessionStorage.setItem('layanan:pengantar-skck', '{"nama":"Siti Aminah"}')
      await worker.deliver({ type: 'queue', key: queued.key, status: 'sent', result: { sent: '/layanan/pengantar-skck/terkirim?ref=X' } })
      await until(() => worker.posted.some((m) => m.type === 'seen'))
      expect(sessionStorage.length).toBe(0)
      expect(worker.posted.filter((m) => m.type === 'seen').map((m) => m.key)).toEqual([queued.key])
    })

    it('queues the completion of a returned request', async () => {
      const worker = serviceWorkerContainer()
      const tracked: TrackedView = {
        reference: 'K7MX4PRA',
        serviceName: 'Surat Pengantar SKCK',
        maskedName: 'Si** Am****',
        status: 'returned',
        dueDate: null,
        timeline: [{ status: 'returned', at: '2026-12-01T02:00:00.000Z', note: 'Foto buram.', byResident: false }],
        cancellable: false,
        returned: true,
        letterReady: false,
        final: false,
        uploads: [{ name: 'foto_kk', label: 'Foto Kartu Keluarga', type: 'file', required: true }],
      }
      ;({ unmount } = await mount(
        <TrackedRequest
          locale="id"
          initial={{ tracked, done: null, problems: {}, message: null }}
          digits="7890"
          completeAction="?_action=services.complete"
          letterUrl="/layanan/lacak/surat"
          reply=""
          texts={TRACKING_BOOK}
        />,
      ))
      await chooseFile('Foto Kartu Keluarga', photo())
      await settle()
      setOnline(false)
      await click('Kirim kelengkapan')
      await until(() => worker.posted.some((m) => m.type === 'queue'))
      const [queued] = worker.posted.filter((m) => m.type === 'queue')
      expect(queued.url).toMatch(/\?_action=services\.complete$/)
      expect(Object.fromEntries(queued.entries!)).toMatchObject({ reference: 'K7MX4PRA', digits: '7890' })
      const status = document.querySelector<HTMLElement>('.queue-status')!
      expect(status.textContent).toContain('tersimpan di perangkat ini')
      expect(document.activeElement).toBe(status)
    })
  })

  describe('its draft', () => {
    it('keeps the answers in this tab only, never the NIK, and forgets them on request', async () => {
      ;({ unmount } = await form())
      await fillApplicant()
      await settle(450)
      expect(document.querySelector('.draft-status')?.textContent).toBe('Draf tersimpan di perangkat ini.')
      expect(localStorage.length).toBe(0)
      expect(stored()).toContain('Siti Aminah')
      expect(stored()).not.toContain(NIK)
      await click('Hapus isian di perangkat ini')
      expect(stored()).toBe('{}')
      expect((fieldByLabel('Nama lengkap') as HTMLInputElement).value).toBe('')
    })

    it('comes back on the next load of the tab, without the NIK', async () => {
      sessionStorage.setItem('layanan:pengantar-skck', JSON.stringify({ nama: 'Siti Aminah', keperluan: 'Melamar kerja' }))
      ;({ unmount } = await form())
      expect((fieldByLabel('Nama lengkap') as HTMLInputElement).value).toBe('Siti Aminah')
      expect((fieldByLabel('NIK') as HTMLInputElement).value).toBe('')
    })

    it('removes what earlier versions left in localStorage', async () => {
      localStorage.setItem('layanan:pengantar-skck', JSON.stringify({ nama: 'Orang Lain', nik: NIK }))
      ;({ unmount } = await form())
      expect(localStorage.length).toBe(0)
      expect((fieldByLabel('Nama lengkap') as HTMLInputElement).value).toBe('')
    })
  })
})
