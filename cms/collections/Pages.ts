import type { Block, CollectionConfig } from 'payload'
import { isEditor, publishedOrEditor } from '../access'
import { slugField } from '../fields/slug'
import { L } from '../lib/localize'
import { requireDefaultLocaleToPublish } from '../hooks/defaultLocaleToPublish'

const ContentBlock: Block = {
  slug: 'content',
  labels: { singular: L('Teks', 'Text'), plural: L('Teks', 'Text') },
  fields: [{ name: 'body', type: 'richText', required: true, localized: true, label: L('Isi', 'Body') }],
}

const OfficialsBlock: Block = {
  slug: 'officials',
  labels: { singular: L('Perangkat desa', 'Village officials'), plural: L('Perangkat desa', 'Village officials') },
  fields: [
    { name: 'heading', type: 'text', localized: true, label: L('Judul bagian', 'Section heading') },
    {
      name: 'people',
      type: 'array',
      required: true,
      minRows: 1,
      label: L('Orang', 'People'),
      admin: { initCollapsed: true },
      fields: [
        { name: 'name', type: 'text', required: true, label: L('Nama', 'Name') },
        { name: 'position', type: 'text', required: true, localized: true, label: L('Jabatan', 'Position') },
        { name: 'photo', type: 'upload', relationTo: 'media', label: L('Foto', 'Photo') },
      ],
    },
  ],
}

const PotentialsBlock: Block = {
  slug: 'potentials',
  labels: { singular: L('Potensi', 'Potentials'), plural: L('Potensi', 'Potentials') },
  fields: [
    { name: 'heading', type: 'text', localized: true, label: L('Judul bagian', 'Section heading') },
    {
      name: 'items',
      type: 'array',
      required: true,
      minRows: 1,
      label: L('Potensi', 'Potentials'),
      fields: [
        { name: 'title', type: 'text', required: true, localized: true, label: L('Judul', 'Title') },
        { name: 'description', type: 'textarea', localized: true, label: L('Keterangan', 'Description') },
        { name: 'image', type: 'upload', relationTo: 'media', label: L('Gambar', 'Image') },
      ],
    },
  ],
}

const MapBlock: Block = {
  slug: 'map',
  labels: { singular: L('Peta', 'Map'), plural: L('Peta', 'Maps') },
  fields: [
    {
      name: 'caption',
      type: 'text',
      localized: true,
      label: L('Keterangan', 'Caption'),
      admin: { description: L('Koordinat diambil dari Pengaturan desa.', 'Coordinates come from the village settings.') },
    },
  ],
}

const ContactsBlock: Block = {
  slug: 'contacts',
  labels: { singular: L('Kontak', 'Contacts'), plural: L('Kontak', 'Contacts') },
  fields: [
    {
      name: 'intro',
      type: 'textarea',
      localized: true,
      label: L('Pengantar', 'Intro'),
      admin: {
        description: L(
          'Alamat, telepon dan jam pelayanan diambil dari Pengaturan desa.',
          'Address, phone and office hours come from the village settings.',
        ),
      },
    },
  ],
}

/** Village profile pages under /profil: history, vision, officials, potentials, map and contacts. */
export const Pages: CollectionConfig = {
  slug: 'pages',
  labels: { singular: L('Halaman profil', 'Profile page'), plural: L('Profil desa', 'Village profile') },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug', 'order', '_status'], group: L('Konten', 'Content') },
  defaultSort: 'order',
  versions: { drafts: true, maxPerDoc: 30 },
  access: { read: publishedOrEditor, create: isEditor, update: isEditor, delete: isEditor },
  hooks: { beforeChange: [requireDefaultLocaleToPublish('pages', [{ name: 'title', label: L('Judul', 'The title') }])] },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: L('Judul', 'Title') },
    slugField('title'),
    {
      name: 'order',
      type: 'number',
      defaultValue: 10,
      label: L('Urutan di menu', 'Menu order'),
      admin: { position: 'sidebar' },
    },
    { name: 'summary', type: 'textarea', localized: true, label: L('Ringkasan', 'Summary') },
    {
      name: 'blocks',
      type: 'blocks',
      label: L('Isi halaman', 'Page content'),
      blocks: [ContentBlock, OfficialsBlock, PotentialsBlock, MapBlock, ContactsBlock],
    },
  ],
}
