import { defineField, defineType } from 'sanity'
import { firstBlockText, subtitle } from '../preview'

export const richTextType = defineType({
  name: 'richText',
  title: 'Texte',
  type: 'object',
  fields: [
    defineField({
      name: 'body',
      title: 'Texte',
      type: 'blockContent',
      description: 'Texte mis en forme : intertitres, listes, liens, images.',
    }),
  ],
  preview: {
    select: { body: 'body' },
    prepare({ body }) {
      return { title: firstBlockText(body) ?? 'Texte vide', subtitle: subtitle('Texte') }
    },
  },
})
