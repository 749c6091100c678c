import { BlocksFeature, LinkFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import type { Block } from 'payload'
import { PUBLIC_COLLECTIONS } from '../lib/documentPaths'

/**
 * The rich-text editor, with the blocks a collection lets editors insert (an article's embeds). An internal link leads to a document with a page of its
 * own (site/lib/richtext.ts turns it into that page's address); accounts, orders and residents' requests are not
 * offered, as the editor would offer every collection otherwise.
 */
export const richTextEditor = ({ blocks }: { blocks?: Block[] } = {}) =>
  lexicalEditor({
    features: ({ defaultFeatures }) => [
      ...defaultFeatures.filter((feature) => feature.key !== 'link'),
      LinkFeature({ enabledCollections: PUBLIC_COLLECTIONS }),
      ...(blocks ? [BlocksFeature({ blocks })] : []),
    ],
  })
