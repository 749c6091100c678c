import type { CollectionConfig } from 'payload'
import { nobody } from '../access'

/**
 * A collection only the server's own code writes, with single atomic statements, and nobody reads through the API
 * or sees in the admin: state the app instances share through the database (counters, leases, changes).
 */
export const serverState = ({ slug, labels, fields }: Pick<CollectionConfig, 'slug' | 'labels' | 'fields'>): CollectionConfig => ({
  slug,
  labels,
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  lockDocuments: false,
  timestamps: false,
  fields,
})
