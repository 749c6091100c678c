import type { CollectionConfig } from 'payload'
import { isEditor, isEditorOfVillageArticles, isRegencyAdminField, publishedOrEditor } from '../access'
import { EmbedBlock } from '../blocks/Embed'
import { publishedAtField, schedulePublishButton, scheduledDrafts, seoField } from '../fields/publishing'
import { slugField } from '../fields/slug'
import { richTextEditor } from '../fields/richText'
import { sitePreviewUrl } from '../lib/preview'
import { L } from '../lib/localize'
import { requireDefaultLocaleToPublish } from '../hooks/defaultLocaleToPublish'
import { documentPath } from '../lib/documentPaths'
import { countVillageOnChange } from '../regency/statistics'

/** News articles (Berita) on /berita. Related products join once the product collection exists. */
export const News: CollectionConfig = {
  slug: 'news',
  labels: { singular: L('Berita', 'Article'), plural: L('Berita', 'News') },
  admin: {
    useAsTitle: 'title',
    group: L('Berita', 'News'),
    defaultColumns: ['title', 'publishedAt', '_status'],
    components: { edit: schedulePublishButton },
    preview: (doc, { locale, req }) => sitePreviewUrl(req.payload, doc.village, documentPath('news', String(doc.slug)), locale),
  },
  defaultSort: '-publishedAt',
  versions: scheduledDrafts,
  access: { read: publishedOrEditor, create: isEditor, update: isEditorOfVillageArticles, delete: isEditorOfVillageArticles },
  hooks: {
    beforeChange: [
      requireDefaultLocaleToPublish('news', [
        { name: 'title', label: L('Judul', 'The title') },
        { name: 'body', label: L('Isi berita', 'The body') },
      ]),
    ],
    afterChange: [countVillageOnChange.afterChange],
    afterDelete: [countVillageOnChange.afterDelete],
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: L('Judul', 'Title') },
    slugField('title'),
    { name: 'excerpt', type: 'textarea', localized: true, maxLength: 300, label: L('Ringkasan', 'Excerpt') },
    { name: 'cover', type: 'upload', relationTo: 'media', label: L('Gambar sampul', 'Cover image') },
    {
      name: 'body',
      type: 'richText',
      required: true,
      localized: true,
      label: L('Isi berita', 'Body'),
      // Pictures come with the default features; embeds add outside content as link cards.
      editor: richTextEditor({ blocks: [EmbedBlock] }),
    },
    {
      name: 'categories',
      type: 'relationship',
      relationTo: 'categories',
      hasMany: true,
      label: L('Kategori', 'Categories'),
      admin: { position: 'sidebar' },
    },
    { name: 'tags', type: 'relationship', relationTo: 'tags', hasMany: true, label: L('Tag', 'Tags'), admin: { position: 'sidebar' } },
    { name: 'author', type: 'text', label: L('Penulis', 'Author'), admin: { position: 'sidebar' } },
    {
      name: 'forEveryVillage',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: L('Berita kabupaten: tampil di situs setiap desa', "Regency article: shown on every village's site"),
      access: { create: isRegencyAdminField, update: isRegencyAdminField },
      admin: {
        position: 'sidebar',
        description: L(
          'Hanya administrator kabupaten yang menulis dan mengubahnya; desa menampilkannya tanpa dapat mengubahnya.',
          "Only the regency's administrators write and change it; villages show it and cannot change it.",
        ),
      },
    },
    publishedAtField,
    {
      name: 'relatedProducts',
      type: 'relationship',
      relationTo: 'products',
      hasMany: true,
      label: L('Produk terkait', 'Related products'),
      admin: { position: 'sidebar' },
    },
    seoField,
  ],
}
