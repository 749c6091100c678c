import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fill, placeholdersOf, translator, type Catalogue, type MessageOf } from '../../cms/lib/messages'
import { CATALOGUES, localize, translate as translateCms } from '../../cms/messages'
import { ALL_CATALOGUES, isMessageKey, translate, translatorOf } from '../../site/i18n/ui'

/** Every catalogue file: each domain's `messages.ts` under cms/ (not the kernel nor the registry) and site/i18n/messages/. */
const catalogueFiles = () => {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory() && !['node_modules', '.next', 'migrations', 'app'].includes(entry.name)) walk(full)
      else if (entry.name === 'messages.ts' && !['cms/messages.ts', 'cms/lib/messages.ts'].includes(full)) found.push(full)
    }
  }
  walk('cms')
  for (const name of readdirSync('site/i18n/messages')) found.push(path.join('site/i18n/messages', name))
  return found.sort()
}

describe('the message catalogues', () => {
  it('are all registered: the admin knows every domain catalogue, the site every catalogue', async () => {
    const files = catalogueFiles()
    expect(files.length).toBeGreaterThanOrEqual(13)
    for (const file of files) {
      const catalogue = await import(path.resolve(file))
      expect(ALL_CATALOGUES, file).toContain(catalogue)
      if (file.startsWith('cms')) expect(CATALOGUES, file).toContain(catalogue)
    }
  })

  it('have every code in Indonesian and in English, none empty, with the same placeholders', () => {
    for (const catalogue of ALL_CATALOGUES as readonly Catalogue[]) {
      expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.id).sort())
      for (const [code, text] of Object.entries(catalogue.id)) {
        expect(text.trim(), code).not.toBe('')
        expect(catalogue.en[code].trim(), code).not.toBe('')
        expect(placeholdersOf(catalogue.en[code]).sort(), code).toEqual(placeholdersOf(text).sort())
      }
    }
  })

  it('never define one code twice, so no two copies of a text can drift apart', () => {
    const seen = new Map<string, number>()
    for (const [i, catalogue] of (ALL_CATALOGUES as readonly Catalogue[]).entries()) {
      for (const code of Object.keys(catalogue.id)) {
        expect(seen.get(code), `"${code}" is in catalogues ${seen.get(code)} and ${i}`).toBeUndefined()
        seen.set(code, i)
      }
    }
    const twice = { id: { a: 'A' }, en: { a: 'A' } }
    expect(() => translator([twice, twice])).toThrow(/"a" is defined in two catalogues/)
  })
})

describe('the formatter', () => {
  it('fills placeholders with text and numbers as given, and leaves a missing one visible', () => {
    expect(fill('Pesanan {number}: {n} barang', { number: 'DD-1', n: 3 })).toBe('Pesanan DD-1: 3 barang')
    expect(fill('Halo {name}', {})).toBe('Halo {name}')
    expect(fill('{a}{a}', { a: 'x' })).toBe('xx')
  })

  it('puts a message given as a value into the same language', () => {
    const status = { code: 'status.returned' } as const
    const message = { code: 'transition.noteRequired', params: { to: status } } as const
    expect(translateCms('id', message)).toBe('Tuliskan alasan atau pesan untuk warga saat mengubah status menjadi "Perlu Dilengkapi".')
    expect(translateCms('en', message)).toBe(
      'Write a reason or message for the resident when changing the status to "Needs more information".',
    )
  })

  it('refuses a code no catalogue has, instead of showing a blank', () => {
    expect(() => translate('id', { code: 'no.such.code' } as never)).toThrow(/No message "no.such.code"/)
  })
})

describe('the site and the admin', () => {
  it('translate a page text, with its params, in the visitor’s language', () => {
    const t = translatorOf('en')
    expect(t('order.title', { number: 'DD-261122-ABCDE' })).toBe('Order DD-261122-ABCDE')
    expect(translatorOf('id')('order.title', { number: 'DD-261122-ABCDE' })).toBe('Pesanan DD-261122-ABCDE')
    expect(t({ code: 'checkout.outOfStock', params: { product: 'Kopi' } })).toBe(
      'Not enough stock for Kopi. Please lower the quantity in your cart.',
    )
  })

  it('translate a domain message in the editor’s language, Indonesian unless they chose English', () => {
    const message = { code: 'slug.invalid' } as const
    expect(localize({ i18n: { language: 'en' } } as never, message)).toBe(
      'The slug may contain only lowercase letters, digits and hyphens.',
    )
    expect(localize({ i18n: { language: 'id' } } as never, message)).toBe('Slug hanya boleh berisi huruf kecil, angka dan tanda hubung.')
    expect(localize(undefined, message)).toBe('Slug hanya boleh berisi huruf kecil, angka dan tanda hubung.')
  })

  it('recognise codes that come back as plain strings (schema issue messages)', () => {
    expect(isMessageKey('error.phone')).toBe(true)
    expect(isMessageKey('Invalid input')).toBe(false)
    expect(isMessageKey('toString')).toBe(false)
  })
})

// Checked by the type checker (npm run typecheck): each marked line must be a compile error.
type Texts = { readonly 'x.hello': 'Halo {name}' }
type Hello = MessageOf<{ id: Texts; en: Record<keyof Texts, string> }>
export const compileErrors = () => {
  // @ts-expect-error a catalogue without its English text does not compile
  const english: Record<keyof Texts, string> = {}
  // @ts-expect-error a message without the params its text names does not compile
  const missing: Hello = { code: 'x.hello' }
  // @ts-expect-error nor with a param its text does not name
  const wrong: Hello = { code: 'x.hello', params: { nama: 'Siti' } }
  // @ts-expect-error a page text's params are checked too
  translatorOf('id')('order.title')
  return [english, missing, wrong]
}
