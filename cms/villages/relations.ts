import type { CollectionSlug } from 'payload'
import { idOf } from '../lib/relation'

/** Where a related document of the template village is in the new village: its copy's id, or null (not copied). */
export type CopyOf = (collection: CollectionSlug, id: number) => number | null

type LexicalNode = { type?: string; children?: LexicalNode[]; [key: string]: unknown }
type Related = { relationTo?: CollectionSlug; value?: number | { id: number } | null }

const copied = (related: Related, copyOf: CopyOf) => {
  const id = related.relationTo && related.value != null ? idOf(related.value) : null
  return id == null ? null : copyOf(related.relationTo!, id)
}

/**
 * A node of a rich text copied into another village, or the nodes that stand in its place: an embedded picture or
 * document (upload, relationship) points to the new village's copy or is left out; a link to a document of the
 * template village points to the copy, or becomes its text.
 */
const rewriteNode = (node: LexicalNode, copyOf: CopyOf): LexicalNode[] => {
  const children = node.children?.flatMap((child) => rewriteNode(child, copyOf))
  const kept = children ? { ...node, children } : node
  if (node.type === 'upload' || node.type === 'relationship') {
    const id = copied(node as Related, copyOf)
    return id == null ? [] : [{ ...kept, value: id }]
  }
  const fields = node.fields as { linkType?: string; doc?: Related } | undefined
  if ((node.type === 'link' || node.type === 'autolink') && fields?.linkType === 'internal') {
    const id = fields.doc ? copied(fields.doc, copyOf) : null
    return id == null ? (children ?? []) : [{ ...kept, fields: { ...fields, doc: { relationTo: fields.doc!.relationTo, value: id } } }]
  }
  return [kept]
}

/** A rich text (Lexical) of the template village whose references all point into the new village, or are gone. */
export const richTextInVillage = <T>(state: T, copyOf: CopyOf): T => {
  const root = (state as { root?: LexicalNode } | null)?.root
  if (!root) return state
  return { ...state, root: { ...root, children: (root.children ?? []).flatMap((child) => rewriteNode(child, copyOf)) } }
}
