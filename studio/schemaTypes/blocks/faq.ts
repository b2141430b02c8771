import { defineArrayMember, defineField, defineType } from 'sanity'
import { countLabel, subtitle } from '../preview'

export const faqType = defineType({
  name: 'faq',
  title: 'Questions fréquentes',
  type: 'object',
  fields: [
    defineField({
      name: 'heading',
      title: 'Titre',
      type: 'string',
      description: 'Titre de la section (« Questions fréquentes »). Facultatif.',
    }),
    defineField({
      name: 'items',
      title: 'Questions',
      type: 'array',
      description: 'Questions et réponses, dans l’ordre d’affichage.',
      of: [defineArrayMember({ type: 'faqItem' })],
      validation: rule => rule.min(1),
    }),
  ],
  preview: {
    select: { heading: 'heading', items: 'items' },
    prepare({ heading, items }) {
      return {
        title: heading || 'Questions fréquentes',
        subtitle: subtitle('FAQ', countLabel(items, { none: 'aucune question', one: 'question', many: 'questions' })),
      }
    },
  },
})
