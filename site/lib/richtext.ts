import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { embedHtml } from './embeds'

/** Rich text from the CMS as HTML; the converter escapes text, so editors cannot inject markup. */
export const richTextToHtml = (value: unknown): string =>
  value && typeof value === 'object'
    ? convertLexicalToHTML({
        data: value as SerializedEditorState,
        converters: ({ defaultConverters }) => ({ ...defaultConverters, blocks: { embed: ({ node }: { node: { fields: Parameters<typeof embedHtml>[0] } }) => embedHtml(node.fields) } }),
      })
    : ''
