/**
 * Tiny helpers to write Portable Text (the contract's `blockContent`) from a
 * light inline markup:
 *   **gras**  *italique*  [texte](https://…)  [texte](ref:<document id>)
 *   [texte](ha:https://www.helloasso.com/…)
 * `ref:` gives an `internalLink` annotation, `ha:` a `helloAssoLink`, anything
 * else a `link`. `_key`s of spans and blocks are filled in later, from the
 * document path (see `assignKeys`); markDef keys are derived here.
 */
import { createHash } from 'node:crypto'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

type Style = 'normal' | 'h2' | 'h3' | 'h4' | 'blockquote'

const TOKEN = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g

function markDef(href: string, key: string): JsonObject {
  if (href.startsWith('ref:')) {
    return { _key: key, _type: 'internalLink', reference: { _type: 'reference', _ref: href.slice(4) } }
  }
  if (href.startsWith('ha:')) return { _key: key, _type: 'helloAssoLink', href: href.slice(3) }
  return { _key: key, _type: 'link', href }
}

function parseInline(text: string, marks: string[], defs: JsonObject[], spans: { text: string, marks: string[] }[], seed: string): void {
  let last = 0
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index
    if (index > last) spans.push({ text: text.slice(last, index), marks })
    if (match[1] !== undefined) parseInline(match[1], [...marks, 'strong'], defs, spans, seed)
    else if (match[2] !== undefined) parseInline(match[2], [...marks, 'em'], defs, spans, seed)
    else {
      const key = createHash('sha1').update(`${seed}#${defs.length}`).digest('hex').slice(0, 12)
      defs.push(markDef(match[4]!, key))
      parseInline(match[3]!, [...marks, key], defs, spans, seed)
    }
    last = index + match[0].length
  }
  if (last < text.length) spans.push({ text: text.slice(last), marks })
}

function block(text: string, style: Style, list?: { listItem: 'bullet' | 'number', level: number }): JsonObject {
  const markDefs: JsonObject[] = []
  const spans: { text: string, marks: string[] }[] = []
  parseInline(text, [], markDefs, spans, text)
  const children = spans.map(span => ({ _type: 'span', text: span.text, marks: span.marks }))
  return {
    _type: 'block',
    style,
    ...(list ? { listItem: list.listItem, level: list.level } : {}),
    markDefs,
    children,
  }
}

export const p = (text: string) => block(text, 'normal')
export const h2 = (text: string) => block(text, 'h2')
export const h3 = (text: string) => block(text, 'h3')
export const h4 = (text: string) => block(text, 'h4')
export const quote = (text: string) => block(text, 'blockquote')
export const ul = (...items: string[]) => items.map(item => block(item, 'normal', { listItem: 'bullet', level: 1 }))
export const ol = (...items: string[]) => items.map(item => block(item, 'normal', { listItem: 'number', level: 1 }))

/** Flattens blocks and lists into one Portable Text array. */
export function pt(...parts: (JsonObject | JsonObject[])[]): JsonObject[] {
  return parts.flat()
}

/** All the text of a Portable Text array, e.g. to check where a marker appears. */
export function plainText(blocks: JsonObject[]): string {
  return blocks
    .filter(b => b._type === 'block')
    .map(b => (b.children as JsonObject[]).map(c => c.text).join(''))
    .join('\n')
}
